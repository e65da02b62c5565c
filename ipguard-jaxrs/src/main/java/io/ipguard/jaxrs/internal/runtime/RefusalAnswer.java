package io.ipguard.jaxrs.internal.runtime;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import org.glassfish.jersey.server.internal.routing.UriRoutingContext;
import org.glassfish.jersey.spi.ExceptionMappers;

/**
 * What a refused client receives. With {@code 403}, a small RFC 9457 problem document with only a
 * title and a status, so nothing about the configuration leaks. With {@code 404}, exactly what
 * the application answers for a path that does not exist: the refusal goes the same way, through
 * the application's own {@code NotFoundException} mapper if it has one. Thread-safe.
 */
final class RefusalAnswer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String FORBIDDEN_BODY = "{\"title\":\"Forbidden\",\"status\":403}";
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    /** Jersey's own mapper of the application's exception mappers; Jersey finds the missing path's mapper here. */
    private static final String DEFAULT_MAPPER = "org.glassfish.jersey.server.DefaultExceptionMapper";

    private final ExceptionMappers mappers;

    /** @param mappers the application's exception mappers, as Jersey's runtime uses them; null for none */
    RefusalAnswer(ExceptionMappers mappers) {
        this.mappers = mappers;
    }

    /**
     * Refuses a matched request in a request filter: aborts with the 403 document, or throws the
     * {@link NotFoundException} Jersey throws for a missing path. Before throwing, the matched
     * method is detached from the request, so that its name-bound response filters and writer
     * interceptors, which a missing path does not have, do not run.
     */
    void refuse(ContainerRequestContext request, int status) {
        if (status == 404) {
            detach(request);
            throw new NotFoundException();
        }
        request.abortWith(Response.status(403).type(PROBLEM_JSON).entity(FORBIDDEN_BODY).build());
    }

    /**
     * Detaches the matched method from the request, as a missing path has none: Jersey then gives the
     * answer only the application's global response filters and writer interceptors, and
     * {@code ResourceInfo} shows no method. Must happen before the response filters are chosen.
     */
    static void detach(ContainerRequestContext request) {
        if (request.getUriInfo() instanceof UriRoutingContext routing) {
            routing.setEndpoint(null);
        }
    }

    /** The refusal as a response: the 403 document, or the application's answer to a missing path. */
    Response answer(int status) {
        return status == 404 ? notFound() : Response.status(403).type(PROBLEM_JSON).entity(FORBIDDEN_BODY).build();
    }

    /** Replaces an answer given before the guard could run (while matching) with the refusal. */
    void replace(ContainerResponseContext response, int status) {
        Response answer = answer(status);
        response.setStatusInfo(answer.getStatusInfo());
        response.getHeaders().clear();
        response.getHeaders().putAll(answer.getHeaders());
        if (answer.hasEntity()) {
            response.setEntity(answer.getEntity(), NO_ANNOTATIONS, answer.getMediaType());
        } else {
            response.setEntity(null);
        }
    }

    /**
     * The application's answer to a missing path, mapped as Jersey's runtime maps the exception it
     * throws for one: the mapper found for that exception instance (so {@code isMappable} and
     * priorities count), else the exception's own response.
     */
    private Response notFound() {
        NotFoundException missing = new NotFoundException();
        ExceptionMapper<NotFoundException> mapper = mappers == null ? null : mappers.findMapping(missing);
        if (mapper == null || mapper.getClass().getName().equals(DEFAULT_MAPPER)) {
            return missing.getResponse();
        }
        try {
            Response mapped = mapper.toResponse(missing);
            // As Jersey does with a mapper that answers null, or throws.
            return mapped == null ? Response.noContent().build() : mapped;
        } catch (RuntimeException e) {
            return Response.serverError().build();
        }
    }
}
