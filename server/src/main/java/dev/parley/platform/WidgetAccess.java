package dev.parley.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler the widget's publishable key may call (it still checks what the key may do there). Every other handler
 * that acts for a caller refuses a publishable key with 403 {@code insufficient_permissions}, so a new endpoint is
 * closed to the widget until it is opened on purpose.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WidgetAccess {}
