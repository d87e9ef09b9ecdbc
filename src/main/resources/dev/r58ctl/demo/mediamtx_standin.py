#!/usr/bin/python3
"""A stand-in for MediaMTX's RTSP side on loopback, for the tests and the demo (where the push test publishes to it):
accepts RECORD publishes and serves what was published.

  publish (RTSP ANNOUNCE/RECORD, e.g. rtspclientsink):  rtsp://127.0.0.1:PORT/publish/NAME
                            or, as MediaMTX takes it:  rtsp://127.0.0.1:PORT/NAME
  read back (RTSP DESCRIBE/PLAY, e.g. rtspsrc):          rtsp://127.0.0.1:PORT/read/NAME

NAME is one path segment ([A-Za-z0-9_.-]). H.264 and H.265 both work without being told: the read side picks its
depayloader, parser and payloader from the encoding-name of the RTP the publisher sends. Reading a NAME that was
never published answers 404; while nobody publishes it (before the first packet, after the publisher left), 503.
Readers join mid-stream and start at the next key frame, or at once when the SDP carried the parameter sets.

gst-rtsp-server cannot PLAY a RECORD mount, so each NAME gets two mounts, created together when a publisher first
asks for OPTIONS on /publish/NAME (rtspclientsink always does, before ANNOUNCE), that relay in-process: the
publish media passes the RTP packets it receives to an appsink, which pushes them into the appsrc of every read
media; a read media depayloads them and payloads them again as whole access units.

Usage: /usr/bin/python3 mediamtx_standin.py PORT   (prints "READY PORT" when listening, then one line per event;
exits on SIGTERM/SIGINT). Needs python3-gi, gir1.2-gstreamer-1.0 and gir1.2-gst-rtsp-server-1.0.
"""
import re
import signal
import sys
import threading
import time

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

# per RTP encoding-name: what a read media puts between the relayed RTP and its payloader (which it names pay0)
REPAY = {c: f"rtp{c.lower()}depay ! {c.lower()}parse ! video/x-{c.lower()},alignment=au ! rtp{c.lower()}pay"
         for c in ("H264", "H265")}


STARTED = time.monotonic()


def log(*words):
    """One event line; READY stays bare (the tests wait for it), the others get the seconds since the start."""
    print(*words, *([] if words[0] == "READY" else [f"+{time.monotonic() - STARTED:.3f}s"]), flush=True)


class Relay:
    """One NAME: the RTP caps its publisher sends (None when nobody publishes) and the appsrcs of its readers."""

    def __init__(self, name):
        self.name, self.caps, self.readers, self.lock = name, None, [], threading.Lock()

    def on_sample(self, sink):
        sample = sink.emit("pull-sample")
        with self.lock:
            if self.caps is None:
                log("PUBLISHING", self.name, sample.get_caps().get_structure(0).get_string("encoding-name"))
            self.caps = sample.get_caps()
            readers = list(self.readers)
        for src in readers:
            buf = sample.get_buffer().copy()
            buf.pts = buf.dts = buf.duration = Gst.CLOCK_TIME_NONE  # the reader stamps arrival (do-timestamp)
            src.emit("push-buffer", buf)
        return Gst.FlowReturn.OK

    def unpublished(self, media):
        with self.lock:
            self.caps, readers = None, list(self.readers)
        for src in readers:
            src.emit("end-of-stream")
        log("UNPUBLISHED", self.name)

    def unread(self, media):
        with self.lock:
            self.readers.remove(media.get_element().get_by_name("src"))


class PublishFactory(GstRtspServer.RTSPMediaFactory):
    """RECORD mount: the received RTP goes through depay0 (an identity, to stay codec-agnostic) to the relay.

    parsebin as depay0 would be codec-agnostic too, but on 4:4:4 H.264 it plugs openh264dec and fails."""

    def __init__(self, relay):
        super().__init__()
        self.relay = relay
        self.set_transport_mode(GstRtspServer.RTSPTransportMode.RECORD)
        self.connect("media-configure", lambda f, media: media.connect("unprepared", relay.unpublished))

    def do_create_element(self, url):
        bin_ = Gst.parse_launch("( identity name=depay0 ! appsink name=relay sync=false emit-signals=true )")
        bin_.get_by_name("relay").connect("new-sample", self.relay.on_sample)
        return bin_


class ReadFactory(GstRtspServer.RTSPMediaFactory):
    """PLAY mount: appsrc (the publisher's RTP) ! depayloader ! parser ! payloader, or nothing (503)."""

    def __init__(self, relay):
        super().__init__()
        self.relay = relay
        self.connect("media-configure", lambda f, media: media.connect("unprepared", relay.unread))

    def do_create_element(self, url):
        with self.relay.lock:
            caps = self.relay.caps
            if caps is None:
                log("REFUSED", url.abspath, "nothing published")
                return None
            bin_ = Gst.parse_launch(
                "( appsrc name=src is-live=true format=time do-timestamp=true leaky-type=downstream max-buffers=500"
                f" ! {REPAY[caps.get_structure(0).get_string('encoding-name')]} name=pay0 pt=96 config-interval=-1 )")
            src = bin_.get_by_name("src")
            src.set_property("caps", caps)
            self.relay.readers.append(src)
        log("READING", self.relay.name)
        return bin_


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    Gst.init(None)
    server = GstRtspServer.RTSPServer(address="127.0.0.1", service=sys.argv[1])
    # with the default single thread, a reader's DESCRIBE waits behind a TCP-interleaved publisher
    server.get_thread_pool().set_max_threads(16)
    mounts, relays, relays_lock = server.get_mount_points(), {}, threading.Lock()

    mounted = set()

    def on_options(client, ctx):  # a publisher's OPTIONS comes before its ANNOUNCE: mount its NAME now
        # /publish/NAME, or /NAME as a MediaMTX publisher uses (a reader's /read/NAME has two segments)
        m = re.fullmatch(r"(?:/publish)?/([A-Za-z0-9_.-]+)", ctx.uri.abspath)
        if m:
            with relays_lock:
                if m.group(1) not in relays:
                    relay = relays[m.group(1)] = Relay(m.group(1))
                    mounts.add_factory("/read/" + relay.name, ReadFactory(relay))
                if ctx.uri.abspath not in mounted:
                    mounted.add(ctx.uri.abspath)
                    mounts.add_factory(ctx.uri.abspath, PublishFactory(relays[m.group(1)]))
        return GstRtsp.RTSPStatusCode.OK

    server.connect("client-connected", lambda s, client: client.connect("pre-options-request", on_options))
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on 127.0.0.1:{sys.argv[1]}")
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    log("READY", server.get_bound_port())
    loop.run()


if __name__ == "__main__":
    main()
