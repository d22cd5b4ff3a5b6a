"""Geoparsing evaluation: corpus readers and scores, on tiny hand-written files and on the real corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from emberwatch.evaluate.geo import GeoCorpus, evaluate_geo, read_corpus, report_markdown
from emberwatch.geo import Geoparser

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Gunmen attacked a checkpoint in Mosul. Police in Baghdad said two men died.]]></text>
    <toponyms>
      <toponym><start>32</start><end>37</end><phrase>Mosul</phrase>
        <gaztag geonameid="99072"><name>Mosul</name><lat>36.335</lat><lon>43.11889</lon></gaztag>
      </toponym>
      <toponym><start>49</start><end>56</end><phrase>Baghdad</phrase>
        <gaztag geonameid="98182"><name>Baghdad</name><lat>33.34058</lat><lon>44.40088</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS_XML = """<articles>
  <article>
    <text>Cases of cholera were reported in Derna and in Benghazi, Libya.</text>
    <locations>
      <location><name>Derna</name><start>35</start><end>40</end><lat>32.76</lat><lon>22.64</lon></location>
      <location><name>Benghazi</name><start>48</start><end>56</end><lat>32.11</lat><lon>20.07</lon></location>
      <location><name>Libya</name><start>58</start><end>63</end><lat>27</lat><lon>17</lon></location>
    </locations>
  </article>
</articles>
"""


def test_geo_read_lgl_and_geovirus_formats(tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    (tmp_path / "gv.xml").write_text(GEOVIRUS_XML, encoding="utf-8")
    lgl = read_corpus(tmp_path / "lgl.xml", GeoCorpus.lgl)
    assert [t.text for t in lgl[0].toponyms] == ["Mosul", "Baghdad"]
    geovirus = read_corpus(tmp_path / "gv.xml", GeoCorpus.geovirus)
    # GeoVirus offsets are realigned on the name when they are off by one
    assert [t.text for t in geovirus[0].toponyms] == ["Derna", "Benghazi", "Libya"]


def test_geo_scores_a_small_corpus(geoparser: Geoparser, tmp_path: Path) -> None:
    (tmp_path / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    report = evaluate_geo(geoparser, GeoCorpus.lgl, tmp_path / "lgl.xml")
    assert report.scores.matched == 2 and report.scores.precision == 100.0
    assert all(e < 161 for e in report.scores.e2e_errors + report.scores.gold_errors)
    assert "| recognition F1 | 100.0 |" in report_markdown(report, "emberwatch evaluate geo --corpus lgl")


def test_geo_recall_leaves_out_demonym_gold_in_its_own_row(geoparser: Geoparser, tmp_path: Path) -> None:
    text = "Iraqi troops entered Mosul."
    xml = (
        LGL_XML.replace("Gunmen attacked a checkpoint in Mosul. Police in Baghdad said two men died.", text)
        .replace("<start>32</start><end>37</end>", "<start>21</start><end>26</end>")
        .replace(
            "<start>49</start><end>56</end><phrase>Baghdad</phrase>",
            "<start>0</start><end>5</end><phrase>Iraqi</phrase>",
        )
    )
    (tmp_path / "lgl.xml").write_text(xml, encoding="utf-8")
    scores = evaluate_geo(geoparser, GeoCorpus.lgl, tmp_path / "lgl.xml").scores
    assert (scores.gold, scores.matched, scores.gold_demonyms) == (2, 1, 1)
    assert scores.recall == 50.0 and scores.recall_without_demonyms == 100.0


@pytest.mark.shared_data
@pytest.mark.parametrize("corpus", list(GeoCorpus))
def test_geo_evaluate_on_shared_corpora(geoparser: Geoparser, shared_data: Path, corpus: GeoCorpus) -> None:
    from emberwatch.evaluate.geo import default_corpus_path

    report = evaluate_geo(geoparser, corpus, default_corpus_path(corpus, shared_data), limit=15)
    assert report.documents == 15
    assert report.scores.f1 > 50
    hits = sum(e <= 161 for e in report.scores.gold_errors)
    assert hits / len(report.scores.gold_errors) > 0.6


def _local_paper(tag: str) -> str:
    """An LGL file of four articles of one outlet (named by ``tag``): three place it in
    Massachusetts, the fourth names only Springfield."""
    texts = [
        "A barn burned in Worcester, Massachusetts.",
        "Boston police in Massachusetts arrested two men.",
        "Lowell, Massachusetts, opened a library.",
        "Police in Springfield arrested a man.",
    ]
    articles = []
    for k, text in enumerate(texts):
        gold = ""
        if "Springfield" in text:
            start = text.index("Springfield")
            gold = (
                f"<toponym><start>{start}</start><end>{start + 11}</end><phrase>Springfield</phrase>"
                '<gaztag geonameid="4951788"><name>Springfield</name><lat>42.10148</lat><lon>-72.58981</lon>'
                "</gaztag></toponym>"
            )
        articles.append(
            f'<article docid="{k}">{tag}<text><![CDATA[{text}]]></text><toponyms>{gold}</toponyms></article>'
        )
    return f'<?xml version="1.0" encoding="utf-8"?><articles>{"".join(articles)}</articles>'


@pytest.mark.parametrize(
    "tag",
    ["<domain>masslive.com</domain>", "<url>http://www.masslive.com/news/1</url>", "<feedid>12</feedid>"],
)
def test_geo_learns_each_outlets_home_from_its_other_articles(geoparser: Geoparser, tmp_path: Path, tag: str) -> None:
    (tmp_path / "lgl.xml").write_text(_local_paper(tag), encoding="utf-8")
    report = evaluate_geo(geoparser, GeoCorpus.lgl, tmp_path / "lgl.xml")
    assert report.scores.homes == 4
    assert report.scores.gold_errors == [pytest.approx(0, abs=1)]  # Springfield, Massachusetts
    off = evaluate_geo(geoparser, GeoCorpus.lgl, tmp_path / "lgl.xml", source_homes=False)
    assert off.scores.homes == 0 and off.scores.gold_errors[0] > 161
    assert "off (--no-source-homes)" in report_markdown(off, "emberwatch evaluate geo --no-source-homes")
