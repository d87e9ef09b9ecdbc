package dev.r58ctl.kernel;

import dev.r58ctl.R58Exception;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One kind of kernel trouble the classifier looks for. Guarantees: a pattern that exists is usable (its
 * id, literal and label are not blank, its regex compiles); a bad one from configuration fails with an
 * {@link R58Exception} naming the id.
 *
 * <p>Matching is case-sensitive, as the kernel prints. The classifier first looks for all literals in a
 * single pass over the line; only a line containing one of a pattern's literals is tried against its
 * regex. So every line the regex matches must contain one of the literals: choose the rarest text that
 * is part of every match (the error word rather than the driver's name, which chatter is full of).
 *
 * @param id       short stable name, e.g. {@code oops}; an extra pattern with a default's id replaces it
 * @param severity how bad a matching line is
 * @param literal  text that every matching line contains; several alternatives may be given separated by
 *                 {@code |} (any one will do), so a literal cannot itself contain {@code |}
 * @param regex    a {@link Pattern} searched for anywhere in the line ({@code find()}), or null when the
 *                 literal alone decides
 * @param label    what it means, for the operator
 */
public record KernelPattern(String id, Severity severity, String literal, String regex, String label) {

    public KernelPattern {
        if (id == null || id.isBlank()) {
            throw R58Exception.badInput("kernel pattern: id is empty");
        }
        if (severity == null) {
            throw R58Exception.badInput("kernel pattern " + id + ": severity is missing");
        }
        if (literal == null || literal.isEmpty() || Arrays.stream(literal.split("\\|", -1)).anyMatch(String::isEmpty)) {
            throw R58Exception.badInput("kernel pattern " + id + ": literal is empty");
        }
        if (label == null || label.isBlank()) {
            throw R58Exception.badInput("kernel pattern " + id + ": label is empty");
        }
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw R58Exception.badInput("kernel pattern " + id + ": bad regex: " + e.getDescription()
                        + " near index " + e.getIndex() + " in " + regex);
            }
        }
    }

    /** The literal's alternatives: a line must contain at least one. */
    public List<String> literals() {
        return List.of(literal.split("\\|"));
    }

    /** A pattern decided by the literal alone. */
    public static KernelPattern literal(String id, Severity severity, String literal, String label) {
        return new KernelPattern(id, severity, literal, null, label);
    }

    /** A pattern whose regex decides; the literal must occur in every match. */
    public static KernelPattern regex(String id, Severity severity, String literal, String regex, String label) {
        return new KernelPattern(id, severity, literal, regex, label);
    }
}
