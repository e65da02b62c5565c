package io.ipguard.jaxrs.spring.boot;

import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.Environment;

/**
 * Makes Boot's Jersey servlet start with the server rather than at the first request, so that an
 * invalid guard configuration (a group a resource names but nobody defines, an inconsistent proxy
 * setting) stops Boot's start-up instead of failing every request. An application that sets
 * {@value #LOAD_ON_STARTUP} keeps its value; a negative one is warned about.
 */
final class JerseyStartup implements BeanPostProcessor {

    /** Boot's property; unset, Boot registers the servlet with -1, which Tomcat reads as "lazily". */
    static final String LOAD_ON_STARTUP = "spring.jersey.servlet.load-on-startup";

    private static final System.Logger LOG = System.getLogger(JerseyStartup.class.getName());

    private final Environment environment;

    JerseyStartup(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof ServletContainer) {
            Integer configured = environment.getProperty(LOAD_ON_STARTUP, Integer.class);
            if (configured == null) {
                registration.setLoadOnStartup(1);
            } else if (configured < 0) {
                LOG.log(System.Logger.Level.WARNING, "ipguard: " + LOAD_ON_STARTUP + "=" + configured + " starts Jersey "
                        + "at the first request, so an ipguard configuration error shows only then, as an error "
                        + "for every request; leave it unset or set it to 0 or more");
            }
        }
        return bean;
    }
}
