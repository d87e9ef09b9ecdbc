package dev.r58ctl.pipeline;

import dev.r58ctl.config.Codec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A typed camera pipeline: source and raw caps, encoder with its settings, parser, and one or more outputs
 * (tee'd when there are several). It renders to the exact description that runs, and to a shell command that
 * runs the same thing in {@code gst-launch-1.0}.
 *
 * @param camera  the camera id; every element is named {@code <camera>_<role>}
 * @param codec   the encoded codec
 * @param head    source, caps filters and converters up to the encoder
 * @param encoder the encoder with its properties
 * @param parser  the codec parser
 * @param outputs where the stream goes
 */
public record PipelineSpec(String camera, Codec codec, List<Link> head, Element encoder, Element parser,
                           List<Output> outputs) {

    public PipelineSpec {
        head = List.copyOf(head);
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one output");
        }
    }

    /** The prefix of every element name and so of every streaming thread's name. */
    public String prefix() {
        return camera + "_";
    }

    public String encoderName() {
        return encoder.name();
    }

    public String sourceName() {
        return ((Element) head.get(0)).name();
    }

    public PipelineSpec withOutputs(List<Output> replacement) {
        return new PipelineSpec(camera, codec, head, encoder, parser, replacement);
    }

    /** The description's words, in order. */
    public List<String> tokens() {
        List<String> out = new ArrayList<>();
        for (Link l : head) {
            append(out, l);
        }
        append(out, encoder);
        append(out, parser);
        String prefix = prefix();
        Set<String> used = new HashSet<>();
        if (outputs.size() == 1) {
            appendBranch(out, outputs.get(0), prefix, used);
        } else {
            String tee = prefix + "tee";
            append(out, Element.of("tee", tee));
            for (Output o : outputs) {
                out.add(tee + ".");
                appendBranch(out, o, prefix, used);
            }
        }
        return out;
    }

    private void appendBranch(List<String> out, Output o, String prefix, Set<String> used) {
        String tag = o.key();
        String unique = tag;
        for (int i = 2; !used.add(unique); i++) {
            unique = tag + i;
        }
        String branchPrefix = unique.equals(tag) ? prefix : prefix + unique + "_";
        Element queue = Element.of("queue", prefix + "q" + unique);
        if (o.leaky()) {
            queue = queue.with("leaky", "downstream").with("max-size-buffers", 0).with("max-size-bytes", 0)
                    .with("max-size-time", 2_000_000_000L);
        }
        append(out, queue);
        for (Link l : o.chain(branchPrefix, codec)) {
            append(out, l);
        }
    }

    private static void append(List<String> out, Link link) {
        if (!out.isEmpty()) {
            out.add("!");
        }
        out.addAll(link.tokens());
    }

    /** What {@code Gst.parseLaunch} receives. */
    public String description() {
        return String.join(" ", tokens());
    }

    /** A command line that runs the same pipeline by hand, ready to paste into a shell. */
    public String shellCommand() {
        StringBuilder b = new StringBuilder("gst-launch-1.0 -e");
        for (String t : tokens()) {
            b.append(' ').append(GstQuote.shell(t));
        }
        return b.toString();
    }

    /** Every element factory the pipeline uses, for the registry check. */
    public Set<String> factories() {
        Set<String> out = new LinkedHashSet<>();
        for (Link l : head) {
            if (l instanceof Element e) {
                out.add(e.factory());
            }
        }
        out.add(encoder.factory());
        out.add(parser.factory());
        if (outputs.size() > 1) {
            out.add("tee");
        }
        for (Output o : outputs) {
            out.add("queue");
            for (Link l : o.chain(prefix(), codec)) {
                if (l instanceof Element e) {
                    out.add(e.factory());
                }
            }
        }
        return out;
    }
}
