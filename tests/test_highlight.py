from newsvoices.highlight import article_html, entities_html

HOSTILE = ("“<script>alert('x')</script> and <img src=x onerror=alert(1)> and {{ 7*7 }}”, the mayor said.\n\n"
           "The <b>council</b> said the plan would <script>go</script> ahead.")


def test_seed_statements_are_marked(seed_analysis):
    page = article_html(seed_analysis)
    assert page.count('title="content: ') >= 16
    assert 'title="mention: Antony Blinken"' in page and 'title="cue: Antony Blinken"' in page
    assert page.count("<p>") + page.count("<h4>") >= len(seed_analysis.article.paragraphs)


def test_article_text_is_escaped(analyze_text):
    analysis = analyze_text(HOSTILE)
    page = article_html(analysis)
    assert "<script" not in page and "<img" not in page and "<b>council" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{{ 7*7 }}" in page  # shown as text; nothing here evaluates templates
    assert "<script" not in entities_html(analysis)
