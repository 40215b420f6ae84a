import re

import pytest

from claimscope.views import argmap


@pytest.fixture(scope="module")
def drawing(claimset):
    return argmap.svg(claimset)


def _drawn_text(svg: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_every_node_shows_its_id_and_words_of_its_paraphrase(claimset, drawing):
    import html

    text = html.unescape(_drawn_text(drawing))
    for claim in claimset.claims:
        lines = argmap.node_lines(claim)
        assert lines[0] == claim.id and len(lines) >= 2
        for line in lines:
            assert line in text, (claim.id, line)


def test_nodes_link_to_claim_entries_and_attacks_are_dashed(claimset, drawing):
    assert drawing.count('href="#claim-') == len(claimset.claims)
    attacks = sum(len(c.attacks) for c in claimset.claims)
    assert drawing.count('stroke-dasharray="5,2"') >= attacks


def test_labels_are_short_and_wrapped(claimset):
    for claim in claimset.claims:
        words = argmap.short(claim.paraphrase).split()
        assert 2 <= len(words) <= 12
        assert all(len(line) <= argmap.LINE_CHARS + 12 for line in argmap.wrap(argmap.short(claim.paraphrase)))


def test_the_whole_map_fits_a_page_column_when_laid_left_to_right(drawing):
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', drawing).group(1))
    assert width < 1100


def test_section_map_greys_claims_of_other_sections(claimset):
    section = claimset.sections[6]
    ids = {c.id for c in claimset.claims if c.paragraph in section.paragraphs}
    source = argmap.dot_source(claimset, list(ids))
    outside = re.findall(r'^"(C\d+)" \[[^\n]*fillcolor="#ffffff"', source, re.M)
    assert outside and not set(outside) & ids


def test_legend_draws_each_role_type_and_link_kind():
    legend = argmap.legend_html()
    for name in [*argmap.TYPE_COLOURS, *argmap.ROLE_STYLES, "supports", "attacks"]:
        assert f"{name}</li>" in legend
    assert 'stroke-dasharray="5 3"' in legend  # the attack arrow is dashed, as drawn


def test_claim_mix_charts_use_no_categorical_colour(claimset):
    for chart in (argmap.types_by_role(claimset), argmap.evidence_mix(claimset)):
        spec = chart.to_dict()
        assert spec["layer"][0]["encoding"]["color"]["scale"]["scheme"] == "greys"
    assert argmap.devices_count(claimset).to_dict()["encoding"]["y"]["field"] == "device"


def test_a_draft_map_says_draft_above_it(seeds_copy):
    from pathlib import Path

    from claimscope.analysis import claims

    folder = seeds_copy / "new-en"
    folder.mkdir()
    (folder / "article.txt").write_bytes((Path(__file__).parents[1] / "fixtures" / "en_new_article.txt").read_bytes())
    assert "<b>DRAFT</b> argument map" in argmap.map_html(claims.load_or_draft("new-en"))
