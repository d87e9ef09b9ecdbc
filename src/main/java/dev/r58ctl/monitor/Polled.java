// dev.r58ctl.engine.Engine
