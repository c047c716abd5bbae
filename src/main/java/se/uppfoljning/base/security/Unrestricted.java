package se.uppfoljning.base.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a public service method needs no right, and why (it formats text and reads nothing, or it runs before
 * anyone is signed in). The alternative to {@code @PreAuthorize} for the architecture test's rule that every public
 * service method declares who may call it; no check happens at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unrestricted {

    /** Why anyone may call it. */
    String value();
}
