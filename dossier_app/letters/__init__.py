"""A drafted letter (``domain.letters.LetterDoc``) laid out as a PDF page or an OpenDocument text."""
