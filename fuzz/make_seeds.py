#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into fuzz/seeds/<target>/.

The seeds are the edge inputs of issue 6: CRLF and lone CR, zero-width and
bidirectional controls, Arabic with its own marks, HTML, only opening marks,
many marks, deep nesting, invalid UTF-8, UTF-16, binary, malformed JSON
Lines, sources.csv and gazetteer rows with missing or extra columns. The
seeds are committed; rerun this after changing it.
"""
import os

os.chdir(os.path.dirname(os.path.abspath(__file__)))

texts = {
    "crlf": "Intro.\r\n“We will rebuild,” Jane Doe said.\r\n\r\n“Soon,” she added.\r\n".encode(),
    "lone-cr": "Intro.\r“We will rebuild,” Jane Doe said.\r“Soon,” she added.".encode(),
    "zero-width-bidi": "\u200b“We\u200d will\u2060 rebuild,”\u202e Jane\u200e Doe\u202c said.\u2066 “Soon,”\u2069 she added.\ufeff".encode(),
    "arabic": "قال المتحدث: «سنعيد بناء الجسر». وأضاف: ”لن نستسلم“.\n\"قريبا\" قالت.".encode(),
    "html": '<p class="lead">“We will rebuild,” <a href="/people/jane-doe" title="Jane Doe">Jane Doe</a> said.</p>\n<div data-x=\'y\'><script>var s = "said";</script></div>\n[gallery id="31272"]'.encode(),
    "only-openers": ("“word " * 200 + "‘x " * 100 + "«y " * 50).encode(),
    "many-marks": ('"a" “b” ‘c’ \'d\' «e» „f“ 「g」 ' * 60).encode(),
    "nested": ("He said: " + "“a ‘b “c " * 20 + "end" + "” x’ y” " * 20).encode(),
    "unclosed-paragraphs": "He said: “First part.\n\n“Second part.\n\n“Last part.”\n\n“Never closed\n\nNarration.".encode(),
    "invalid-utf8": b"caf\xe9 \xff\xfe said \x93quoted\x94, Jane Doe said.\n\xe2\x80",
    "utf16le": "\ufeff“We will rebuild,” Jane Doe said.".encode("utf-16-le"),
    "utf16be": "\ufeff“We will rebuild,” Jane Doe said.".encode("utf-16-be"),
    "binary": b"GIF89a\x00\x01\x02\x03" + "“x”".encode(),
    "dots-no-space": b"a." * 500,
    "long-line": ("“We will rebuild the bridge,” Jane Doe said. The minister told reporters the plan was “ready”. " * 20).encode(),
    "apostrophes": "The government’s plan, the Smiths’ home, Kata'ib, ’90s, rock ’n’ roll, ‘quoted’ he said.".encode(),
    "unicode-spaces": "“We\u00a0will\u2009rebuild,”\u3000Jane\u202fDoe said.\u2028“Soon,”\u2029she added.".encode(),
}
jsonl = {
    "malformed": b'{"id":"a","text":"\\u201cYes,\\u201d he said."}\n{"id": oops}\n[1,2]\n"x"\n{"text":5}\n{"id":"a","text":"dup"}\n{"text":""}\n\n{"text":"ok"}',
    "bom-crlf": b'\xef\xbb\xbf{"text":"one"}\r\n{"text":"two","outlet":"O","extra":{"a":[1]}}\r\n',
    "invalid-utf8": b'{"text":"caf\xe9"}\n{"text":"\xff"}\n',
    "nul": b'{"text":"a"}\n\x00\x00\n{"text":"c"}\n',
    "escapes": b'{"id":"e","text":"\\ud83d\\ude00 \\ud800 \\"q\\" \\u0000 \\r\\n"}\n',
}
sources = {
    "ok": b'id,outlet,date,url,title\na,RHC,2024-08-26,,"Hello, world"\n',
    "missing-extra": b"id,outlet\na,X\nb\nc,Y,extra\n ,Z\nd,W\na,again\n",
    "no-id": b"outlet,title\nX,Y\n",
    "bom-quoted": b'\xef\xbb\xbfTitle , ID\n"multi\nline",a\n"unterminated,b\n',
    "invalid-utf8": b"id,outlet\na,\xff\n",
}
gazetteer = {
    "ok": b"canonical,aliases,type,role\nUS Central Command,CENTCOM;Central Command,organisation,US military command\n# comment\nJane Doe,Doe,person,mayor\n",
    "missing-extra": b"canonical,aliases,type,role\nA,B\nC,D,person,r,extra\n,x,person,\nE,,robot,\n",
    "bad-header": b"name,aliases\nA,B\n",
    "overlap": "canonical,aliases,type,role\nJane Doe,Doe;Jane,person,\nJohn Doe,Doe,person,\nÉlise,élise,,\n".encode(),
}


def write(target, items):
    os.makedirs(f"seeds/{target}", exist_ok=True)
    for name, content in items.items():
        with open(f"seeds/{target}/{name}", "wb") as f:
            f.write(content)


write("quotes", texts)
write("extract", texts)
write("jsonl", {**jsonl, **{"text-" + k: v for k, v in texts.items()}})
write("sources", sources)
write("gazetteer", gazetteer)
