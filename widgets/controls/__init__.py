"""The parts of `widgets.controller.Controller`, by area: plain mixins on `base.Controls`.

`Controller` stays one class (one door to the core, one `error` signal); each module here holds
the methods of one area, checked by mypy against what `Controls` declares the Controller gives
them. None imports `widgets.controller`.
"""
