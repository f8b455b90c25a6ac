"""The real import worker, with parsers that fail the way native code does, chosen by file name.

Started by ``test_hostile_parsers`` in place of the worker; not a test module.
"""

import ctypes
import importlib
import os
import sys

from dossier_app.imports.worker import main

# ``dossier_app.imports.analyze`` is also the name of the function the package exports.
analyze_module = importlib.import_module("dossier_app.imports.analyze")
real_read_pdf = analyze_module.read_pdf


def hostile_read_pdf(path, password):
    name = path.name
    if name.startswith("segfault"):
        ctypes.string_at(0)  # a genuine SIGSEGV, as from a bug in a C parser
    if name.startswith("abort"):
        os.abort()
    if name.startswith("hang"):
        while True:
            pass
    if name.startswith("hog"):
        hoard = []
        while True:  # grows until the address-space limit turns it into a MemoryError
            hoard.append(bytearray(64 * 2**20))
    if name.startswith("chatty"):
        os.write(1, b"%%EOF garbage printed by a native library\n")
    return real_read_pdf(path, password)


analyze_module.read_pdf = hostile_read_pdf
sys.exit(main(sys.argv[1:]))
