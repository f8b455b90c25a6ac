"""The import worker with faults planted by file name, to prove a parser's failure costs one file.

Run by ``test_import_isolated`` as the worker command; not a test module.
"""

import importlib
import os
import signal
import sys
import time

from dossier_app.imports.worker import main

# The package's ``analyze`` is the function; the module of the same name is reached this way.
analyze_module = importlib.import_module("dossier_app.imports.analyze")

real_pdf = analyze_module.read_pdf


def faulty_pdf(path, password):
    if path.name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)  # what a segfault in a native parser looks like from outside
    if path.name.startswith("hang"):
        time.sleep(600)
    if path.name.startswith("hog"):
        return bytearray(8 * 1024**3)
    if path.name.startswith("chatty"):
        os.write(1, b"garbage a native library printed\n")
    return real_pdf(path, password)


analyze_module.read_pdf = faulty_pdf
sys.exit(main(sys.argv[1:]))
