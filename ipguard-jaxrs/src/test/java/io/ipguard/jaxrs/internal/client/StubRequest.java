package io.ipguard.jaxrs.internal.client;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request without HTTP, holding headers and properties, for measuring the guard alone. */
public final class StubRequest implements ContainerRequestContext {

    private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    public Response aborted;
    private UriInfo uriInfo;

    public StubRequest header(String name, String... lines) {
        headers.put(name, List.of(lines));
        return this;
    }

    public StubRequest uriInfo(UriInfo info) {
        this.uriInfo = info;
        return this;
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        return headers;
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    // JAX-RS 4.0 only: no @Override, so that the stub compiles against 3.1 as well.
    public boolean containsHeaderString(String name, String separator, java.util.function.Predicate<String> valuePredicate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public void setProperty(String name, Object object) {
        properties.put(name, object);
    }

    @Override
    public void removeProperty(String name) {
        properties.remove(name);
    }

    @Override
    public void abortWith(Response response) {
        aborted = response;
    }

    @Override
    public UriInfo getUriInfo() {
        if (uriInfo == null) {
            throw new UnsupportedOperationException();
        }
        return uriInfo;
    }

    @Override
    public void setRequestUri(URI requestUri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Request getRequest() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public void setMethod(String method) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public MediaType getMediaType() {
        return null;
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of();
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return List.of();
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return Map.of();
    }

    @Override
    public boolean hasEntity() {
        return false;
    }

    @Override
    public InputStream getEntityStream() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setEntityStream(InputStream input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SecurityContext getSecurityContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        throw new UnsupportedOperationException();
    }
}
