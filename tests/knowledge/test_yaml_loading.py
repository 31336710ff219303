"""The loader refuses YAML's traps at the exact line, with a hint, instead of loading something else."""

from __future__ import annotations

from wizard.knowledge.library import Library

CATALOG = """
catalog:
  - {protocol: http, code: "404.10", title: Header too long, meaning: m, versions: ["7.0+"]}
"""


def findings_for(folder):
    return [str(f) for f in Library.load([folder], builtin=False).findings]


def test_unquoted_code_is_refused_with_quote_hint(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - protocol: http
            code: 404.10
            title: Header too long
            meaning: m
            versions: ["7.0+"]
        """,
    )
    [message] = findings_for(folder)
    assert message.endswith("catalog.yaml:3:11: catalog[1].code: YAML read '404.10' as a number; quote it: \"404.10\"")


def test_hex_and_boolean_values_are_refused(write_tree):
    folder = write_tree(
        "http/404.10.yaml",
        """
        protocol: http
        code: "404.10"
        start: q
        nodes:
          q:
            topic: t
            question: 0x8007000d
            answers:
              - {label: on, next: a}
              - {label: "off", next: a}
          a: {outcome: o, steps: [s]}
        """,
    )
    write_tree("catalog.yaml", CATALOG)
    messages = findings_for(folder)
    assert any(":7:15:" in m and "YAML read '0x8007000d' as a number; quote it" in m for m in messages), messages
    assert any(":9:17:" in m and "YAML read 'on' as true/false" in m for m in messages), messages


def test_boolean_and_duplicate_keys_are_refused(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - protocol: http
            code: "500"
            title: First
            title: Second
            meaning: m
            versions: ["6.0"]
            yes: 1
        """,
    )
    messages = findings_for(folder)
    assert any(":5:5: duplicate key 'title' (first at line 4)" in m for m in messages), messages
    assert any(":8:5: key 'yes' is not read as text by YAML; quote it" in m for m in messages), messages
    assert Library.load([folder], builtin=False).entries == []  # nothing half-loaded


def test_malformed_yaml_is_a_finding_not_a_traceback(write_tree):
    folder = write_tree("http/broken.yaml", "protocol: http\nnodes: [a, b\nstart: x\n")
    [message] = findings_for(folder)
    assert "broken.yaml:3:" in message and "YAML syntax" in message


def test_unknown_field_suggests_the_right_one(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - {protocol: http, code: "500", titel: T, meaning: m, versions: ["6.0"]}
        """,
    )
    messages = findings_for(folder)
    assert any("unknown field 'titel'; did you mean 'title'?" in m for m in messages), messages
    assert any("missing required field(s): title" in m for m in messages), messages


def test_unknown_version_names_the_known_ones(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - {protocol: http, code: "500", title: T, meaning: m, versions: ["6.5"]}
        """,
    )
    [message] = findings_for(folder)
    assert "catalog.yaml:2:68: catalog[1].versions[1]: '6.5' is not valid" in message
    assert "known IIS versions are 5.0, 6.0, 7.0, 7.5, 8.0, 8.5 and 10.0" in message


def test_text_accepts_a_language_mapping(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - protocol: ftp
            code: "530"
            title: {en: Not logged in, nb: Ikke logget på}
            meaning: m
            versions: ["6.0"]
        """,
    )
    library = Library.load([folder], builtin=False)
    assert library.findings == []
    assert library.entry("ftp", "530").title == {"en": "Not logged in", "nb": "Ikke logget på"}


def test_text_mapping_requires_english(write_tree):
    folder = write_tree(
        "catalog.yaml",
        """
        catalog:
          - {protocol: ftp, code: "530", title: {nb: Ikke logget på}, meaning: m, versions: ["6.0"]}
        """,
    )
    messages = findings_for(folder)
    assert any("missing required field(s): en" in m for m in messages), messages
