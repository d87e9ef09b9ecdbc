package dev.r58ctl.pipeline;

import java.util.List;

/** A step in a chain of the description: an element or a caps filter. */
public sealed interface Link permits Element, Caps {
    List<String> tokens();
}
