"""The ``rates`` listing: half-year by half-year, with each value's source; text and JSON."""

from __future__ import annotations

from typing import Any

from ..i18n import active, translator
from .claims_report import half_year_label
from .money import format_rate
from .rates import HalfYearRates, RateTable

JSON_FORMAT = "dossier-rates/1"


def rates_document(table: RateTable, rows: tuple[HalfYearRates, ...]) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "ecb_known_through": table.ecb_known_through.isoformat(),
        "half_years": [{
            "half_year": str(row.half_year),
            "known": row.known,
            "statutory": [{
                "from": day.isoformat(),
                "rate": format_rate(s.rate),
                "ecb_rate": format_rate(s.ecb.rate),
                "ecb_effective": s.ecb.effective.isoformat(),
                "ecb_read_on": s.read_on.isoformat(),
                "known": s.known,
            } for day, s in row.statutory],
            "legal": {
                "particulier": format_rate(row.legal.rate.particulier),
                "autres_cas": format_rate(row.legal.rate.autres_cas),
                "from_half_year": str(row.legal.rate.half_year),
                "known": row.legal.known,
            },
        } for row in rows],
        "ecb": [{"effective": r.effective.isoformat(), "rate": format_rate(r.rate), "source": r.source,
                 "added_by_user": r.user} for r in table.ecb],
        "legal": [{"half_year": str(r.half_year), "particulier": format_rate(r.particulier),
                   "autres_cas": format_rate(r.autres_cas), "source": r.source} for r in table.legal],
    }


def rates_text(table: RateTable, rows: tuple[HalfYearRates, ...], lang: str | None = None) -> str:
    tr = translator(lang) if lang else active()
    unknown = "?"
    none = "—"
    before = False
    pct = tr.percent
    headers = [tr.gettext("semestre"), tr.gettext("taux des pénalités (L441-10)"),
               tr.gettext("taux légal, particuliers"), tr.gettext("taux légal, autres cas")]
    body = []
    for row in rows:
        statutory = ", ".join(
            (pct(s.rate) if i == 0 else tr.gettext("{rate} dès le {day}").format(rate=pct(s.rate), day=tr.short_day(day)))
            + ("" if s.known else unknown)
            for i, (day, s) in enumerate(row.statutory))
        if not row.legal.known and row.half_year < row.legal.rate.half_year:
            # Before the first half-year the file knows, there is no "last known" value to show.
            before = True
            legal = [none, none]
        else:
            mark = "" if row.legal.known else unknown
            legal = [pct(row.legal.rate.particulier) + mark, pct(row.legal.rate.autres_cas) + mark]
        body.append([half_year_label(row.half_year, tr.lang), statutory, *legal])
    widths = [max(len(r[i]) for r in [headers, *body]) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [headers, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines += ["", tr.gettext("{mark} valeur inconnue : la dernière valeur connue est retenue ; ajoutez un taux BCE plus "
                             "récent avec « dossier rates add DATE TAUX --source TEXTE ».").format(mark=unknown),
              *([tr.gettext("{mark} aucune valeur dans les tables de taux pour ce semestre.").format(mark=none)]
                if before else []),
              "", tr.gettext("Taux BCE des opérations principales de refinancement, par date d'effet :")]
    added = tr.gettext(" (ajouté)")
    lines += [f"  {tr.short_day(r.effective)}  {pct(r.rate)}  {r.source}{added if r.user else ''}"
              for r in table.ecb]
    lines += ["", tr.gettext("Taux de l'intérêt légal (particuliers / autres cas) :")]
    lines += [f"  {half_year_label(r.half_year, tr.lang)}  {pct(r.particulier)} / {pct(r.autres_cas)}  {r.source}"
              for r in table.legal]
    return "\n".join(lines)
