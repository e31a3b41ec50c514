"""Identity rules: one office, one head with one well-formed NIP, one year and edition throughout, a named
second party for the Perjanjian Kinerja."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.checks.common import loose, loose_words, nip_problems, text_cells
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.plan.model import Plan
from pipeline.plan.texts import parse_period, texts
from pipeline.plan.vocabulary import ACTING, EDITION

FIRST_YEAR, LAST_YEAR = 2000, 2099
_ACTING_PREFIX = re.compile(r"^\s*pl[th]\b\.?", re.IGNORECASE)
# Eselon I units: the level a ministry's budget names as "Unit Organisasi".
ESELON_I = re.compile(r"^(Direktorat Jenderal|Ditjen|Sekretariat Jenderal|Setjen|Inspektorat Jenderal|Itjen|Badan)\b",
                      re.IGNORECASE)
_DIREKTORAT = re.compile(r"^Direktorat\s+(?!Jenderal\b)(.+)$", re.IGNORECASE)


@rule("identity.head-nip")
def head_nip_well_formed(plan: Plan) -> Iterator[Finding]:
    """The head's NIP is 18 digits: real birth date, appointment at 18 or older and not after the plan year, sex 1/2."""
    head = plan.office.head
    problems = nip_problems(head.nip, plan.office.year)
    if problems:
        yield error("identity.head-nip", f"NIP kepala {head.nip} tidak sah: {'; '.join(problems)}",
                    head.loc("nip"), subject=head.nip)


@rule("identity.head-in-roster")
def head_in_roster(plan: Plan) -> Iterator[Finding]:
    """The head of office is in the staff roster with the same NIP and the same name."""
    head = plan.office.head
    by_nip = next((e for e in plan.staff if e.nip == head.nip), None)
    if by_nip is not None:
        if loose(by_nip.name) != loose(head.name):
            yield error(
                "identity.head-in-roster",
                f"NIP kepala {head.nip} di daftar pegawai bernama '{by_nip.name}', di identitas '{head.name}'",
                head.loc("name"), by_nip.loc("name"), subject=head.nip,
            )
        return
    namesakes = [e for e in plan.staff if loose(e.name) == loose(head.name)]
    for e in namesakes:
        yield error(
            "identity.head-in-roster",
            f"kepala '{head.name}' ber-NIP {head.nip} di identitas, tetapi {e.nip} di daftar pegawai",
            head.loc("nip"), e.loc("nip"), subject=head.nip,
        )
    if not namesakes:
        roster = plan.staff[0].loc("nip") if plan.staff else Location("pegawai.xlsx", "Pegawai")
        yield error(
            "identity.head-in-roster",
            f"kepala '{head.name}' (NIP {head.nip}) tidak ada di daftar pegawai",
            head.loc("nip"), Location(roster.workbook, roster.sheet), subject=head.nip,
        )


@rule("identity.head-title")
def head_title_names_office(plan: Plan) -> Iterator[Finding]:
    """The head's title names the office by its current name (not e.g. the old Kantor Kesehatan Pelabuhan)."""
    office, head = plan.office, plan.office.head
    if f" {loose_words(office.name)} " not in f" {loose_words(head.title)} ":
        yield error(
            "identity.head-title",
            f"jabatan kepala '{head.title}' tidak menyebut nama kantor '{office.name}'",
            head.loc("title"), office.loc("office_name"), subject="Jabatan Kepala",
        )


@rule("identity.parent-unit")
def parent_unit_is_eselon_one(plan: Plan) -> Iterator[Finding]:
    """The Unit Organisasi is an eselon I unit (Direktorat Jenderal ...), not a Direktorat."""
    office = plan.office
    unit = office.parent_unit.split("/")[0].strip()
    if not unit or ESELON_I.match(unit):
        return
    elsewhere = []
    named = _DIREKTORAT.match(unit)
    if named:
        called = re.compile(rf"\b(?:Ditjen|Direktorat Jenderal)\s+{re.escape(named.group(1))}", re.IGNORECASE)
        elsewhere = [loc for key, text, loc in text_cells(plan) if key != "parent_unit" and called.search(text)]
    also = f"; di tempat lain disebut Direktorat Jenderal/Ditjen {named.group(1)}" if elsewhere else ""
    yield error("identity.parent-unit", f"Unit Organisasi '{unit}' bukan unit eselon I (Direktorat Jenderal, "
                f"Sekretariat Jenderal, Inspektorat Jenderal atau Badan){also}", office.loc("parent_unit"),
                *elsewhere, subject="Unit Organisasi")


@rule("identity.edition")
def edition_known(plan: Plan) -> Iterator[Finding]:
    """The edition is `Awal Tahun` or `Revisi N`."""
    edition = plan.office.edition
    if not EDITION.match(edition):
        yield error("identity.edition", f"edisi '{edition}' tidak dikenal; tulis 'Awal Tahun' atau 'Revisi 1', "
                    "'Revisi 2', ...", plan.office.loc("edition"), subject="Edisi")


@rule("identity.year")
def year_plausible(plan: Plan) -> Iterator[Finding]:
    """The plan year is a plausible year (2000-2099)."""
    year = plan.office.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        yield error("identity.year", f"tahun {year} tidak masuk akal (harus {FIRST_YEAR}-{LAST_YEAR})",
                    plan.office.loc("year"), subject="Tahun")


@rule("identity.period")
def period_holds_the_year(plan: Plan) -> Iterator[Finding]:
    """A typed Periode Renstra is two years (`2025-2029`) and holds the plan year."""
    office = plan.office
    if not office.period:
        return
    period = parse_period(office.period)
    if period is None:
        yield error("identity.period", f"periode Renstra '{office.period}' tidak dikenali; tulis misalnya "
                    "'2025-2029', atau kosongkan agar rkt menurunkannya dari Tahun", office.loc("period"),
                    subject="Periode Renstra")
    elif not period[0] <= office.year <= period[1]:
        yield warning("identity.period", f"tahun {office.year} di luar periode Renstra {office.period}; periksa "
                      "Periode Renstra, Visi Presiden dan Peraturan Renstra", office.loc("period"), office.loc("year"),
                      subject="Periode Renstra")


@rule("identity.sign-date")
def sign_date_in_year(plan: Plan) -> Iterator[Finding]:
    """The signing date lies in the plan year or the year before it."""
    office = plan.office
    signed = office.sign_date.year
    if signed not in (office.year, office.year - 1):
        yield error(
            "identity.sign-date",
            f"tanggal penandatanganan tahun {signed}, tahun rencana {office.year} "
            f"(harus {office.year - 1} atau {office.year})",
            office.loc("sign_date"), office.loc("year"), subject="Tanggal Penandatanganan",
        )


@rule("identity.superior")
def superior_named(plan: Plan) -> Iterator[Finding]:
    """The Perjanjian Kinerja's second party has a name, and a well-formed NIP if one is typed."""
    office = plan.office
    if not office.superior_name:
        yield warning("identity.superior", "Nama Atasan (pihak kedua Perjanjian Kinerja) kosong: PK dicetak dengan "
                      "titik-titik di tempat namanya", office.loc("superior_name"), subject="Nama Atasan")
    if office.superior_nip:
        problems = nip_problems(office.superior_nip, office.year)
        if problems:
            yield error("identity.superior", f"NIP atasan {office.superior_nip} tidak sah: {'; '.join(problems)}",
                        office.loc("superior_nip"), subject=office.superior_nip)


@rule("identity.acting")
def acting_known(plan: Plan) -> Iterator[Finding]:
    """Plt./Plh. Kepala and Plt./Plh. Atasan are empty, Plt. or Plh.; the title itself does not repeat it."""
    office = plan.office
    for who, acting, title, acting_loc, title_loc in (
        ("Kepala", office.head.acting, office.head.title, office.head.loc("acting"), office.head.loc("title")),
        ("Atasan", office.superior_acting, office.superior_title, office.loc("superior_acting"),
         office.loc("superior_title")),
    ):
        if acting and acting not in ACTING:
            yield error("identity.acting", f"Plt./Plh. {who} '{acting}' tidak dikenal; tulis Plt. (pelaksana tugas), "
                        "Plh. (pelaksana harian), atau kosongkan bila definitif", acting_loc,
                        subject=f"Plt./Plh. {who}")
        elif _ACTING_PREFIX.match(title):
            hint = "hapus dari jabatan" if acting else f"pindahkan ke baris Plt./Plh. {who}"
            yield warning("identity.acting", f"Jabatan {who} '{title}' sudah diawali Plt./Plh.; {hint} agar "
                          "tidak tercetak dua kali atau hilang dari tanda tangan", title_loc, acting_loc,
                          subject=f"Plt./Plh. {who}")


# The national texts a planner must type when rkt knows no wording for the period, by field.
NATIONAL_TEXTS = {"vision": "Visi Presiden", "renstra_regulation": "Peraturan Renstra",
                  "organisation_regulation": "Peraturan Organisasi"}


NATIONAL_TEXT = "identity.national-text"


@rule(NATIONAL_TEXT)
def national_texts_typed(plan: Plan) -> Iterator[Finding]:
    """Visi Presiden, Peraturan Renstra and Peraturan Organisasi are typed where rkt knows no wording for the period."""
    office = plan.office
    if office.loc("year") in plan.unread.cells:
        return  # the period rests on a year that could not be read
    found = texts(plan)
    for key in found.guessed:
        label = NATIONAL_TEXTS[key]
        shown = getattr(found, key)
        now = f"dokumen memakai bawaan rkt '{shown}'" if shown else "dokumen mencetaknya kosong"
        yield warning(NATIONAL_TEXT, f"{label} periode {found.period} kosong dan tidak dikenal rkt kata "
                      f"demi kata; {now}: isi teks resminya (rkt build --final menolak selama masih kosong)",
                      office.loc(key), subject=label)
