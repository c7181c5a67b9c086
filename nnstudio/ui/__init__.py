"""Everything Qt: the main window, the canvas, the inspector and the plug-ins.

Importing this package is cheap (it imports nothing); the pieces are:

* :mod:`.app`: ``create_app()`` and ``run_gui()`` (what ``nnstudio`` runs);
* :mod:`.main_window`: :class:`MainWindow` and its plug-in API;
* :mod:`.state` / :mod:`.commands`: the shared :class:`AppState` and undo commands;
* :mod:`.canvas`, :mod:`.palette`, :mod:`.inspector`, :mod:`.problems`: the builder;
* :mod:`.fileactions`, :mod:`.settings`, :mod:`.icons`: File menu, QSettings, icons;
* plug-ins ``data``, ``training``, ``code``, ``lessons`` install themselves
  into the window (see docs/CONTRACTS.md).
"""
