package io.ipguard.jaxrs;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards resources with a named allowlist: a request whose client address is not in the
 * group is refused with {@code 403 Forbidden} (or the configured {@code 404}) before the
 * resource method runs.
 *
 * <p>Where it applies, most specific first:
 * <ul>
 *   <li>on a resource method, it guards that method (and overrides the class); on a method of a
 *       superclass or interface, it guards the methods that override or implement it;</li>
 *   <li>on a resource class or interface, it guards every resource method of the class, of its
 *       subclasses and of its implementations;</li>
 *   <li>on a sub-resource locator or its class, it guards the sub-resources the locator returns,
 *       unless they carry their own annotation;</li>
 *   <li>on the {@code Application} subclass, it guards every resource of the application.</li>
 * </ul>
 * {@link AnyClient} exempts a method or class from a guard declared further out. A group that
 * is not configured, or annotations that contradict each other (two interfaces naming different
 * groups), stop deployment with a message naming the resource method.
 */
@NameBinding
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Whitelisted {

    /**
     * The name of the group whose entries are allowed, configured as
     * {@code ipguard.group.<name>}.
     *
     * @return the group name; {@value IpGuardProperties#DEFAULT_GROUP} unless set
     */
    String group() default IpGuardProperties.DEFAULT_GROUP;
}
