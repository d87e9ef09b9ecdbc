package dev.r58ctl.pipeline;

import dev.r58ctl.R58Exception;
import java.util.ArrayList;
import java.util.List;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.PluginFeature;
import org.freedesktop.gstreamer.Registry;
import org.freedesktop.gstreamer.Version;
import org.freedesktop.gstreamer.glib.GError;

/** Starts GStreamer once per process and answers what the registry holds. */
public final class GstSupport {
    private GstSupport() {
    }

    /** Initialises GStreamer, or fails with one line saying how to install it. */
    public static synchronized void init() {
        if (Gst.isInitialized()) {
            return;
        }
        try {
            Gst.init(Version.of(1, 16), "r58ctl");
        } catch (Throwable e) { // UnsatisfiedLinkError, GstException, NoClassDefFoundError from JNA
            throw R58Exception.failed("GStreamer cannot start (" + e.getMessage()
                    + "); install it with scripts/setup (Debian packages libgstreamer1.0-0 and gstreamer1.0-plugins-*)");
        }
    }

    public static String version() {
        init();
        return Gst.getVersionString();
    }

    /** True when an element factory of that name is registered. */
    public static boolean hasElement(String factory) {
        init();
        PluginFeature feature = Registry.get().lookupFeature(factory);
        return feature != null;
    }

    /**
     * Builds a pipeline from a description. {@code Gst.parseLaunch} without an error list returns a partial
     * pipeline for a missing element or a bad property; this one refuses any error.
     */
    public static Pipeline parse(String description) {
        init();
        List<GError> errors = new ArrayList<>();
        org.freedesktop.gstreamer.Element element = Gst.parseLaunch(description, errors);
        if (!errors.isEmpty()) {
            if (element != null) {
                element.dispose();
            }
            throw R58Exception.failed("pipeline does not build: " + errors.get(0).getMessage());
        }
        if (!(element instanceof Pipeline pipeline)) {
            if (element != null) {
                element.dispose();
            }
            throw R58Exception.failed("pipeline does not build: the description is not a pipeline");
        }
        return pipeline;
    }
}
