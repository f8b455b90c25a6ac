"""Only to compile the translation catalogues (.po → .mo) when the package is built or installed:
compiled catalogues are built, not committed."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalogues() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in Path(__file__).parent.glob("dossier_app/locale/*/LC_MESSAGES/*.po"):
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        with open(po.with_suffix(".mo"), "wb") as out:
            write_mo(out, catalog)


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        compile_catalogues()
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
