"""rkt serve on a shared server: access keys per office, kept hashed; a key sees only its office."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.web import keys
from pipeline.web.serve import ServeError, check, is_loopback
from tests.builders import mini_data, write_inputs
from tests.web_support import page_for, text


@pytest.fixture
def offices(tmp_path):
    other = mini_data()
    other["identitas"]["Identitas"]["office_name"] = "Balai Kekarantinaan Kesehatan Kelas I Lain"
    other["identitas"]["Identitas"]["office_short"] = "BKK Kelas I Lain"
    jambi, padang = write_inputs(tmp_path / "jambi"), write_inputs(tmp_path / "padang", other)
    keys.set_key(jambi, "kunci-jambi-123")
    keys.set_key(padang, "kunci-padang-456")
    return jambi, padang


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True),
                                                ("::1", True), ("0.0.0.0", False), ("192.168.1.10", False),
                                                ("::", False), ("kantor.local", False)])
def test_what_counts_as_this_computer(host, loopback):
    assert is_loopback(host) is loopback


def test_a_network_address_refuses_to_start_without_a_key_for_every_office(tmp_path, offices):
    bare = write_inputs(tmp_path / "tanpa-kunci")
    check([*offices, bare], "127.0.0.1")  # this computer only: no key needed
    with pytest.raises(ServeError, match=r"perlu kunci akses; belum ada untuk: .*tanpa-kunci.*rkt kunci"):
        check([*offices, bare], "0.0.0.0")
    check(list(offices), "0.0.0.0")
    with pytest.raises(ServeError, match="diberikan dua kali"):
        check([offices[0], offices[0].parent / "jambi" / "."], "127.0.0.1")
    with pytest.raises(ServeError, match="tidak ada"):
        check([tmp_path / "hilang"], "127.0.0.1")


def test_the_key_is_stored_only_as_a_hash(offices):
    stored = keys.key_file(offices[0]).read_text(encoding="utf-8")
    assert "kunci-jambi-123" not in stored and stored.startswith("scrypt:")
    assert keys.matches(offices[0], "kunci-jambi-123") and not keys.matches(offices[0], "kunci-padang-456")


def test_without_the_key_every_office_request_is_refused(offices):
    page = page_for(*offices, loopback=False)
    front = text(page.get("/").data.decode())
    assert "Kunci akses kantor" in front
    assert "Contoh" not in front and "Lain" not in front and "jambi" not in front  # not even their names
    for url in ("/kantor/jambi/", "/kantor/jambi/unduh/workbook/jadwal.xlsx", "/kantor/padang/?tingkat=galat"):
        response = page.get(url)
        assert response.status_code == 403, url
        assert "Halaman ini memerlukan kunci akses kantor." in text(response.data.decode())
    assert page.post("/kantor/jambi/build", {"mode": "build"}).status_code == 403
    assert page.upload("jambi", "jadwal.xlsx", b"PK").status_code == 403
    assert not (offices[0] / "output").exists()


def test_a_key_opens_its_office_only(offices):
    page = page_for(*offices, loopback=False)
    assert page.post("/masuk", {"kunci": "salah-sekali"}).status_code == 403
    response = page.post("/masuk", {"kunci": "kunci-padang-456"})
    assert response.status_code == 302 and response.location == "/kantor/padang/"
    assert "Balai Kekarantinaan Kesehatan Kelas I Lain" in text(page.get("/kantor/padang/").data.decode())
    assert page.get("/kantor/jambi/").status_code == 403
    assert page.get("/kantor/jambi/unduh/workbook/jadwal.xlsx").status_code == 403
    front = text(page.get("/", follow_redirects=True).data.decode())
    assert "Kelas I Lain" in front and "Kelas II Contoh" not in front and "jambi" not in front


def test_a_new_key_signs_the_old_one_out(offices):
    page = page_for(*offices, loopback=False)
    page.post("/masuk", {"kunci": "kunci-jambi-123"})
    assert page.get("/kantor/jambi/").status_code == 200
    keys.set_key(offices[0], "kunci-baru-789")
    assert page.get("/kantor/jambi/").status_code == 403
    page.post("/keluar")
    assert page.get("/kantor/jambi/").status_code == 403


def test_an_office_without_a_key_is_open_on_this_computer_only(tmp_path):
    bare = write_inputs(tmp_path / "contoh")
    assert page_for(bare).get("/kantor/contoh/").status_code == 200
    assert page_for(bare, loopback=False).get("/kantor/contoh/").status_code == 403


def test_rkt_kunci_sets_a_random_key_once_and_removes_it(tmp_path):
    folder = write_inputs(tmp_path / "contoh")
    result = CliRunner().invoke(cli, ["kunci", "--inputs", str(folder), "--acak"])
    assert result.exit_code == 0
    key = result.output.split(f"Kunci akses {folder}: ", 1)[1].split()[0]
    assert keys.matches(folder, key) and key not in keys.key_file(folder).read_text(encoding="utf-8")
    typed = CliRunner().invoke(cli, ["kunci", "--inputs", str(folder)], input="rahasia-kantor\nrahasia-kantor\n")
    assert typed.exit_code == 0 and keys.matches(folder, "rahasia-kantor") and not keys.matches(folder, key)
    short = CliRunner().invoke(cli, ["kunci", "--inputs", str(folder)], input="pendek\npendek\n")
    assert short.exit_code == 2 and "minimal 8 karakter" in short.output
    other = CliRunner().invoke(cli, ["kunci", "--inputs", str(folder)], input="rahasia-satu\nrahasia-dua\n")
    assert other.exit_code == 2 and "tidak sama" in other.output and keys.matches(folder, "rahasia-kantor")
    assert CliRunner().invoke(cli, ["kunci", "--inputs", str(folder), "--hapus"]).exit_code == 0
    assert keys.stored(folder) is None


def test_rkt_serve_refuses_a_network_address_without_keys(tmp_path):
    folder = write_inputs(tmp_path / "contoh")
    result = CliRunner().invoke(cli, ["serve", "--inputs", str(folder), "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "GALAT --host 0.0.0.0 membuka halaman untuk komputer lain" in result.output
