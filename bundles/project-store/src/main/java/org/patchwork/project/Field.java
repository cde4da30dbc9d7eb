package org.patchwork.project;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the JSON Schema says about one field of the project model. The schema in
 * {@code docs/schema/project.schema.json} and the reader are both derived from the record
 * components and these annotations, so the two cannot disagree.
 *
 * <pre>{@code
 * record Note(@Field(doc = "MIDI key", min = 0, max = 127) int key, ...)
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD,
    ElementType.TYPE_USE})
public @interface Field {

  /** One sentence for the schema's {@code description}. */
  String doc();

  /** Whether a file may leave it out: a null value (or the default of a primitive) then. */
  boolean optional() default false;

  /** Inclusive lower bound of a number or a list's length. */
  double min() default Double.NEGATIVE_INFINITY;

  /** Inclusive upper bound of a number or a list's length. */
  double max() default Double.POSITIVE_INFINITY;

  /** Whether {@link #min()} itself is excluded. */
  boolean exclusiveMin() default false;

  /** An ECMA-262 regular expression a string must contain (anchor it with ^ and $ to match whole). */
  String pattern() default "";
}
