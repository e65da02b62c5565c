package io.ipguard.jaxrs.internal.runtime;

import io.ipguard.jaxrs.IpGuardConfigurationException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;

/**
 * An application's CDI bean of a type the guard lets applications replace, on hosts where Jersey
 * runs inside a CDI container (Payara, GlassFish, Helidon MP, Jersey with Weld). Loaded only when
 * the CDI API is on the class path; the library needs it only to compile.
 */
final class CdiBeans {

    static final String CDI_CLASS = "jakarta.enterprise.inject.spi.CDI";

    private CdiBeans() {
    }

    /**
     * The application's one bean of {@code type} (a client proxy for a normal-scoped bean), or null
     * when no CDI container runs here or it has no such bean.
     *
     * @throws IpGuardConfigurationException if several beans qualify
     */
    static <T> T find(Class<T> type) {
        Instance<T> beans;
        try {
            beans = CDI.current().select(type);
        } catch (IllegalStateException | LinkageError e) {
            // The API alone is on the class path: no CDI container runs this application.
            return null;
        }
        if (beans.isAmbiguous()) {
            throw new IpGuardConfigurationException(List.of("several CDI beans implement " + type.getName()
                    + "; keep one, or mark one @Alternative with a @Priority"));
        }
        return beans.isResolvable() ? beans.get() : null;
    }
}
