"""The statement rules as tables that read like the guideline (docs/statements.md): one table
per stage of helpers/statements/, one row per construction. A new construction is one new
row. Names and places are invented."""

import pandas as pd
import pytest

from helpers import load_article
from helpers.statements import explain_records, extract_statements, find_quotes, reasons


@pytest.fixture
def extract(write_article):
    """The statements of a body text (a headline is added in front), checked against it."""

    def run(body: str):
        article = load_article(write_article("A Headline for the Test\n\n" + body + "\n"))
        df = extract_statements(article)
        for r in df.itertuples():
            assert article.text[r.start : r.end] == r.text
        return df

    return run


# ---------------------------------------------------------------- 1. quotes: the marks
# (body, the content of every statement)
QUOTES = [
    ('"The bridge is safe," Anna Berg said.', ["The bridge is safe"]),
    ("“The bridge is safe,” Anna Berg said.", ["The bridge is safe"]),
    ("«The bridge is safe,» Anna Berg said.", ["The bridge is safe"]),
    ("‘The bridge is safe,’ Anna Berg said.", ["The bridge is safe"]),
    ("'The bridge is safe,' Anna Berg said.", ["The bridge is safe"]),
    ("''The bridge is safe,'' Anna Berg said.", ["The bridge is safe"]),
    ('“The bridge is safe," Anna Berg said.', ["The bridge is safe"]),  # curly, then straight
    ('"The bridge is safe,” Anna Berg said.', ["The bridge is safe"]),  # straight, then curly
    ("“The bridge is safe,’’ Anna Berg said.", ["The bridge is safe"]),  # two ’ close a “
    # a title before the cue after a question keeps the quotation's sentence
    ("“Why is the bridge shut?” Mr. Berg said.", ["Why is the bridge shut?"]),
    # a title's stop between a cue and its colon
    ("Tom Hale wrote of Ms. Berg: “The bridge is safe.”", ["The bridge is safe."]),
    # a cue with a colon after a quotation introduces what follows, not the quotation
    (
        "“We are ready,” Ana Lind said. “We are calm.” Mr. Hale said: “The bridge is safe.”",
        ["We are ready", "We are calm.", "The bridge is safe."],
    ),
    (  # a quotation over two paragraphs, its cue, then the continuation after the cue
        "“The quay is old. It leaks,” Anna Berg said. “The ferry is late.\n\n"
        "“We wait for hours,” she said. “We are tired.”",
        ["The quay is old. It leaks", "The ferry is late.\n\n“We wait for hours", "We are tired."],
    ),
    (  # ... and a name with an apposition before its cue
        "“What is the deal?” Ivo Lind, the former director of the harbour fund, said at an event.",
        ["What is the deal?"],
    ),
    (  # a short cue clause that introduces the next quotation with a comma, or has its own
        # `that`, starts a sentence of its own after a quotation ending in a stop
        "Anna Berg said the plan was “a mess.” She adds, “Who pays for it?” Tom Hale said it "
        "was “fine.” He said that if “it fails, we pay.”",
        ["the plan was “a mess.”", "Who pays for it?", "it was “fine.”", "if “it fails, we pay.”"],
    ),
    (  # a quotation ending in `!` keeps a longer cue clause of adjuncts after it
        "“The crew is the best!” Ivo Lind wrote in a May 16 email to the harbour staff. "
        "“Thanks for the work.” “Why wait?” Berg tearfully asked before leaving.",
        ["The crew is the best!", "Thanks for the work.", "Why wait?"],
    ),
    (  # a quotation after a reported statement in its paragraph continues its speaker
        "Anna Berg said the quay was unsafe. “It leaks every winter.”",
        ["the quay was unsafe", "It leaks every winter."],
    ),
    (  # an abbreviation before a quotation that opens with a capital ends its sentence
        "“We are ready,” Anna Berg said in Port Elm, Calif. “The bridge is safe.” Tom Hale "
        "said that the U.S. “has no bridge like it.”",
        ["We are ready", "The bridge is safe.", "the U.S. “has no bridge like it.”"],
    ),
    (  # British: single quotes outside, double inside
        "‘The “Bridge of Hope” plan is safe,’ Anna Berg said.",
        ["The “Bridge of Hope” plan is safe"],
    ),
    (  # apostrophes are never quotation marks
        "‘Berg’s bridge won’t fall, and the engineers’ report from the ’90s agrees,’ Anna Berg "
        "said.",
        ["Berg’s bridge won’t fall, and the engineers’ report from the ’90s agrees"],
    ),
    (  # an unclosed quotation holding its own cue ends before the cue
        "“We are ready. The bridge is safe, Anna Berg said.\n\n"
        "The council met on Monday. Tom Hale said that the vote was close.",
        ["We are ready. The bridge is safe", "the vote was close"],
    ),
]


@pytest.mark.parametrize(("body", "contents"), QUOTES)
def test_quotes(extract, body, contents):
    assert extract(body)["text"].tolist() == contents


def test_find_quotes_keeps_inner_quotes_inside():
    text = "He said “a ‘b’ c” and «d»."
    assert [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])] == ["a ‘b’ c", "d"]


def test_unbalanced_marks_never_lose_the_rest(extract):
    df = extract(
        "The bridge” is open, Anna Berg said.\n\n“Stray opening mark here.\n\n"
        "Tom Hale said that the vote was close after a long night of arguments about the "
        'money. "Another stray opening mark with no end\n\n'
        "Lena Brandt said that the road was shut."
    )
    assert "Tom Hale" in set(df["speaker"])
    assert df[df["speaker"] == "Lena Brandt"].iloc[0]["text"] == "the road was shut"


# ---------------------------------------------------------------- 2-5. units and content
# (body, [(kind, cue, content), ...] of the top-level statements, in order)
CONTENT = [
    (
        "a quotation that ends a line ends its sentence (lines of one block: a live blog)",
        "“The ferry is late. It is always late,” Hale said. “It is dear.”\nBerg replied: "
        "“No, it is on time.”",
        [
            ("direct", "said", "The ferry is late. It is always late"),
            ("direct", "", "It is dear."),
            ("direct", "replied", "No, it is on time."),
        ],
    ),
    (
        "a cue verb's form after `of` is a noun in a plain clause; a contracted pronoun after "
        "a time adjunct opens the clause",
        "Tom Hale suggested the secretary of state is a captive of the banks. Anna Berg says "
        "tonight she’s a step closer to the quay.",
        [
            ("indirect", "suggested", "the secretary of state is a captive of the banks"),
            ("indirect", "says", "she’s a step closer to the quay"),
        ],
    ),
    (
        "a tell verb's addressee may have a role before the name and a number after it",
        "Hale attacked the plan, telling harbour radio host Ana Berg that the toll was too "
        "high. Lind told Channel 4 that the quay was late.",
        [
            ("indirect", "telling", "the toll was too high"),
            ("indirect", "told", "the quay was late"),
        ],
    ),
    (
        "a statement inside a dash aside ends at the closing dash",
        "Mayor Tom Lind — who said the toll was high — left early.",
        [("indirect", "said", "the toll was high")],
    ),
    (
        "a tell verb's addressee ends before a pronoun or a name that opens the clause",
        "Anna Berg told the panel she would resign. Tom Hale told the committee Berg wanted a "
        "deal. Ivo Lind told the Harbour Times the quay was late.",
        [
            ("indirect", "told", "she would resign"),
            ("indirect", "told", "Berg wanted a deal"),
            ("indirect", "told", "the quay was late"),
        ],
    ),
    (
        "quotation first",
        "“We will build it,” Anna Berg said.",
        [("direct", "said", "We will build it")],
    ),
    (
        "inverted cue after a quotation",
        "“We will build it,” said Anna Berg, who chairs the council.",
        [("direct", "said", "We will build it")],
    ),
    (
        "`add` takes a clause without `that` only when a subject and a verb follow",
        "Anna Berg added the quay was late. The council also added two ferries to the route.",
        [("indirect", "added", "the quay was late")],
    ),
    (
        "manner-of-speaking verbs with a quotation (`shouts`, `whispered`); not without one",
        "“Open the door!” an officer shouts. “Hands up,” Anna Berg whispered. The crowd shouted "
        "at the police.",
        [("direct", "shouts", "Open the door!"), ("direct", "whispered", "Hands up")],
    ),
    (
        "`remark` is a cue; the noun `remarks` is none",
        "Anna Berg remarked that the quay was late. Her remarks were long.",
        [("indirect", "remarked", "the quay was late")],
    ),
    (
        "colon before a quotation",
        "Mayor Anna Berg said: “The bridge opens today.”",
        [("direct", "said", "The bridge opens today.")],
    ),
    (
        "a reported clause ends before the next cue (`but argues`) or clause (`, and they urged`)",
        "Anna Berg says she respects the council but argues that it moves too slowly. The "
        "union said the state law was clear, and they urged the council to act.",
        [
            ("indirect", "says", "she respects the council"),
            ("indirect", "argues", "it moves too slowly"),
            ("indirect", "said", "the state law was clear"),
        ],
    ),
    (
        "a statement inside brackets ends at the closing bracket",
        "A new poll has lower numbers (44 percent of voters say they want the quay closed), but "
        "most want a vote.",
        [("indirect", "say", "they want the quay closed")],
    ),
    (
        "a reported clause ends before `, but he ...ed` or `— and she ...ed`",
        "Anna Berg said the quay was late, but she praised the crew. Tom Hale said the ferry "
        "was full — and he blamed the timetable.",
        [
            ("indirect", "said", "the quay was late"),
            ("indirect", "said", "the ferry was full"),
        ],
    ),
    (
        "a that-clause after an addressee with a place name (`in Salem, New Hampshire`)",
        "Anna Berg told a meeting in Stoke Marren, Tarrowshire on Monday that the bridge would "
        "open.",
        [("indirect", "told", "the bridge would open")],
    ),
    (
        "a that-clause after `for years` or the aside `, per a translator,`; not a relative "
        "`that` with its verb",
        "The council has said for years that it would back the plan. Berg said, per a "
        "translator, that the quay was unsafe. Hale asked for a review that would take a year.",
        [
            ("indirect", "said", "it would back the plan"),
            ("indirect", "said", "the quay was unsafe"),
        ],
    ),
    (
        "before `that`: `to` and a body addressed, a hyphenated addressee, `however`; not a "
        "relative clause after `to a deal`",
        "Anna Berg admitted to the newspaper that the quay was late. Tom Hale reminded the "
        "co-hosts that the ferry was full. Experts suggest however that the tide is high. The "
        "firm agreed to a deal that the council liked.",
        [
            ("indirect", "admitted", "the quay was late"),
            ("indirect", "reminded", "the ferry was full"),
            ("indirect", "suggest", "the tide is high"),
        ],
    ),
    (
        "a cue's noun in an adjunct before `that` (`in her opening remarks`)",
        "Anna Berg said in her opening remarks that the quay was late. Tom Hale wrote in a "
        "series of tweets that the ferry was full.",
        [
            ("indirect", "said", "the quay was late"),
            ("indirect", "wrote", "the ferry was full"),
        ],
    ),
    (
        "`at least` after a cue opens the reported clause, not a trailing adjunct",
        "As the ferry docked at Harwick, the Tarrow Examiner reported at least six boats were "
        "late.",
        [("indirect", "reported", "at least six boats were late")],
    ),
    (
        "a clause without `that` after a time adjunct (`said on Wednesday the ...`)",
        "Anna Berg said on Wednesday the bridge was safe.",
        [("indirect", "said", "the bridge was safe")],
    ),
    (
        "a that-clause after `to` and the body addressed; a relative `that` is no content",
        "The Harbour Board wrote to Berg’s office that the permit had lapsed. The firm agreed "
        "to a deal that had been ravaged.",
        [("indirect", "wrote", "the permit had lapsed")],
    ),
    (
        "a coordinated clause with a group of its own ends the reported clause before it",
        "Anna Berg said the repairs were not complete, and harbour workers warned that the "
        "cranes were unsafe.",
        [
            ("indirect", "said", "the repairs were not complete"),
            ("indirect", "warned", "the cranes were unsafe"),
        ],
    ),
    (
        "an indirect question after `asked` (and the person asked) or `explained`",
        "Anna Berg asked the workers if they planned to vote. A reporter asked Mayor Tom Kell "
        "how the bridge would be paid for. Berg asked to speak. Kell explained how the tolls "
        "would work.",
        [
            ("indirect", "asked", "if they planned to vote"),
            ("indirect", "asked", "how the bridge would be paid for"),
            ("indirect", "explained", "how the tolls would work"),
        ],
    ),
    (
        "a long source after `according to`",
        "According to early results of the exit poll conducted by the Tarrow Institute for the "
        "Harbour Transport Board and the city council, most voters backed the bridge.",
        [("indirect", "According to", "most voters backed the bridge")],
    ),
    (
        "that-clause and clause without that",
        "Anna Berg said that the bridge is safe. Berg said it would open soon.",
        [("indirect", "said", "the bridge is safe"), ("indirect", "said", "it would open soon")],
    ),
    (
        "a date between the verb and that",
        "Velmar Freight announced Nov. 18 that it would close the depot.",
        [("indirect", "announced", "it would close the depot")],
    ),
    (
        "quotation first, then modifiers of the speaker before the name",
        "“We found the next best thing,” lead researcher and Velm planetary scientist Lukas "
        "Pagan said. “I played well,” the 14th-ranked Schwarzer said. “It is over” is what "
        "the mayor said.",
        [("direct", "said", "We found the next best thing"), ("direct", "said", "I played well")],
    ),
    (
        "a reported clause ends at a semicolon",
        "Councillors said the timing was not intended; they only learned of it on Friday.",
        [("indirect", "said", "the timing was not intended")],
    ),
    (
        "a plain clause without that after suggest, claim, reported (not a noun phrase)",
        "Mira Sol suggested the likeliest reason was fear. She claimed the label thought it "
        "was a copy. Tarrow Police reported at least 500 people entered the hall. The firm "
        "reported a loss of five million. The state attorney general is confirming it. Kai "
        "Orr claimed victory.",
        [
            ("indirect", "suggested", "the likeliest reason was fear"),
            ("indirect", "claimed", "the label thought it was a copy"),
            ("indirect", "reported", "at least 500 people entered the hall"),
        ],
    ),
    (
        "said this was ...: `this` is the clause's subject, not a time",
        "Councillor Ada Marsh said this was a fatal miscalculation.",
        [("indirect", "said", "this was a fatal miscalculation")],
    ),
    (
        "trailing cue with an addressee and a time",
        "The bridge will open in May, Anna Berg told reporters on Friday.",
        [("indirect", "told", "The bridge will open in May")],
    ),
    (
        "`as reported by` is a source phrase like `according to`",
        "As reported by the Arden Times, the bridge is safe. The road is closed, as first "
        "reported by the Tarn Post.",
        [
            ("indirect", "As reported by", "the bridge is safe"),
            ("indirect", "as first reported by", "The road is closed"),
        ],
    ),
    (
        "a source phrase before a colon reports what the colon opens, unless nothing follows",
        "Things got worse, in the words of the patient: “I was unable to stand.” There are "
        "four ferries, according to the harbour board:",
        [
            ("direct", "in the words of", "I was unable to stand."),
            ("indirect", "according to", "There are four ferries"),
        ],
    ),
    (
        "according to, before and after",
        "According to Anna Berg, the bridge is safe. The road is closed, according to the police.",
        [
            ("indirect", "According to", "the bridge is safe"),
            ("indirect", "according to", "The road is closed"),
        ],
    ),
    (
        "multi-word cue",
        "Anna Berg pointed out that the bridge is safe.",
        [("indirect", "pointed out", "the bridge is safe")],
    ),
    (
        "a participle is a statement of its own",
        "“It is safe,” Anna Berg said, adding that the bridge would open in May.",
        [("direct", "said", "It is safe"), ("indirect", "adding", "the bridge would open in May")],
    ),
    (
        "two cues, two statements",
        "Anna Berg said: “It is safe.” “It will open in May,” she added.",
        [("direct", "said", "It is safe."), ("direct", "added", "It will open in May")],
    ),
    (
        "a quotation of several sentences under one cue",
        "“It is safe. It is cheap. It is ready,” Anna Berg said.",
        [("direct", "said", "It is safe. It is cheap. It is ready")],
    ),
    (
        "an interrupted quotation is one statement",
        "“The bridge,” Anna Berg said, “will open in May.”",
        [("direct", "said", "The bridge,” Anna Berg said, “will open in May.")],
    ),
    (
        "an interrupted quotation may say what or whom the cue is about (`said of ...`)",
        "“The bridge,” Anna Berg said of the plan, “will open in May.”",
        [("direct", "said", "The bridge,” Anna Berg said of the plan, “will open in May.")],
    ),
    (
        "an interrupted quotation may carry a place with commas, a participle that is no cue, "
        "or `but` before its second part; a cue participle starts a statement of its own",
        "“The bridge,” Anna Berg said in Port Elm, Ohio, “will open in May.” “It is late,” Tom "
        "Hale said, referring to the ferry, “but safe.” “We wait,” Ivo Lind said, but “not for "
        "long.” “It is dear,” Eva Marr said, adding, “Too dear.”",
        [
            ("direct", "said", "The bridge,” Anna Berg said in Port Elm, Ohio, “will open in May."),
            ("direct", "said", "It is late,” Tom Hale said, referring to the ferry, “but safe."),
            ("direct", "said", "We wait,” Ivo Lind said, but “not for long."),
            ("direct", "said", "It is dear"),
            ("direct", "adding", "Too dear."),
        ],
    ),
    (
        "an interrupted indirect statement may go on with a clause whose subject is an -ing "
        "form; a participle with `that` is a cue of its own",
        "Though the ferry was slow, Anna Berg said, closing the bridge would be worse. The plan "
        "is dead, Tom Hale said, adding that it cost too much.",
        [
            (
                "indirect",
                "said",
                "Though the ferry was slow, Anna Berg said, closing the bridge would be worse",
            ),
            ("indirect", "said", "The plan is dead"),
            ("indirect", "adding", "it cost too much"),
        ],
    ),
    (
        "an interrupted statement's second part ends with its clause (a concession, a closing "
        "`which` clause)",
        "The latest test, the ministry said, was its biggest yet, although it may take days to "
        "tell.",
        [("indirect", "said", "The latest test, the ministry said, was its biggest yet")],
    ),
    (
        "an interrupted indirect statement",
        "The bridge, Anna Berg said, will open in May.",
        [("indirect", "said", "The bridge, Anna Berg said, will open in May")],
    ),
    (
        "mixed: reported speech holding a quoted fragment",
        "Anna Berg said the bridge was “a triumph of engineering” for the town.",
        [("mixed", "said", "the bridge was “a triumph of engineering” for the town")],
    ),
    (
        "a floating quotation continues the last speaker",
        "“The bridge is safe,” Anna Berg said.\n\n“We checked it twice. Nobody needs to worry.”",
        [
            ("direct", "said", "The bridge is safe"),
            ("direct", "", "We checked it twice. Nobody needs to worry."),
        ],
    ),
    (
        "a new quotation after `X said.` is a floating statement of X",
        "“It is safe,” Anna Berg said. “It will open in May.”",
        [("direct", "said", "It is safe"), ("direct", "", "It will open in May.")],
    ),
    (
        "a new quotation after an indirect statement with a trailing cue continues it",
        "The talks must go on, Anna Berg said. “We have no other choice.”",
        [("indirect", "said", "The talks must go on"), ("direct", "", "We have no other choice.")],
    ),
    (
        "quotations after `X said:` are its content",
        "Anna Berg said: “It is safe.” “It is cheap.”",
        [("direct", "said", "It is safe.” “It is cheap.")],
    ),
    (
        "a quotation over two paragraphs is one statement",
        "Anna Berg said: “The bridge is safe.\n\n“We checked it twice.”",
        [("direct", "said", "The bridge is safe.\n\n“We checked it twice.")],
    ),
    (
        "a question put to someone is context",
        "When asked whether the bridge was safe, Anna Berg said it was.",
        [("indirect", "said", "it was")],
    ),
    (
        "a scene-setting clause ends at a comma inside a quotation's closing mark",
        "Speaking on the “Harbour Hour,” Tom Hale admitted that the quay was late again.",
        [("indirect", "admitted", "the quay was late again")],
    ),
    (
        "a possessive view",
        "In Whitfield’s view, the closure of the harbour was worth it.",
        [("indirect", "In Whitfield’s view", "the closure of the harbour was worth it")],
    ),
    (
        "coordinated clauses are two statements",
        "Anna Berg said that the reforms were not complete, and Tom Hale warned that the money "
        "would run out.",
        [
            ("indirect", "said", "the reforms were not complete"),
            ("indirect", "warned", "the money would run out"),
        ],
    ),
    (
        "apostrophes outside quotations",
        "Anna Berg’s view is that the Americans’ plan won’t work, Berg said.",
        [("indirect", "said", "Anna Berg’s view is that the Americans’ plan won’t work")],
    ),
    (
        "in the words of X, with a quoted fragment",
        "In the words of the council's chief executive, Dana Whitfield, the repairs were "
        "“the biggest job in years”.",
        [("mixed", "In the words of", "the repairs were “the biggest job in years”")],
    ),
    (
        "according to any source phrase",
        "According to exit polls, the mayor won easily. The vote was close, according to a new "
        "report by the Harbour Times.",
        [
            ("indirect", "According to", "the mayor won easily"),
            ("indirect", "according to", "The vote was close"),
        ],
    ),
    (
        "a predicative cue: object and predicate as a quotation",
        "Councillor Bart Sayle called the plan “a fire sale”.",
        [("mixed", "called", "the plan “a fire sale”")],
    ),
    (
        "a predicative cue: object and a noun phrase",
        "The union called the offer an insult to nurses.",
        [("indirect", "called", "the offer an insult to nurses")],
    ),
    (  # the guideline's predicative cue, not a scare quote: critics speak
        "a predicative cue with a group speaker",
        "Critics called the plan a “vanity project”.",
        [("mixed", "called", "the plan a “vanity project”")],
    ),
    (
        "a predicative cue with `as`",
        "Anna Berg dismissed the report as a sham, and Tom Hale described the rules as "
        "“unworkable.”",
        [
            ("indirect", "dismissed", "the report as a sham"),
            ("mixed", "described", "the rules as “unworkable.”"),
        ],
    ),
    (
        "a predicative cue whose object went before its speaker (`what X described as`): the "
        "predicate is the content",
        "The ferry left in what harbour master Tom Hale described as the “worst storm in years.”",
        [("mixed", "described", "the “worst storm in years.”")],
    ),
    (
        "`reject` is a cue only in its frame `as`",
        "The council rejected the claims as “patently false.” The mayor rejected the offer.",
        [("mixed", "rejected", "the claims as “patently false.”")],
    ),
    (
        "an accusation: the accused, `of`, and what they are accused of",
        "Anna Berg accused the council of hiding the report. Tom Hale accused Berg, Lind and "
        "the mayor of lying.",
        [
            ("indirect", "accused", "the council of hiding the report"),
            ("indirect", "accused", "Berg, Lind and the mayor of lying"),
        ],
    ),
    ("call without a frame is no cue", "The mayor called the police. Berg called for a vote.", []),
    (
        "a frame's object is no conjunction (`label and a couple of ...`: a noun)",
        "A row involving the singer, her former record label and a couple of politicians ended.",
        [],
    ),
    (
        "a noun phrase as the whole content (the frame `object`, borderline)",
        "The council announced a new ferry timetable on Monday, and Anna Berg acknowledged "
        "the delays because of the storm. Tom Hale stressed its safety record.",
        [
            ("indirect", "announced", "a new ferry timetable on Monday"),
            ("indirect", "acknowledged", "the delays"),
            ("indirect", "stressed", "its safety record"),
        ],
    ),
    (
        "a comma inside a quotation's closing mark ends the clause before a participle cue",
        "Tom Hale insisted that he had “saved the ferry,” claiming that the quay was his idea.",
        [
            ("mixed", "insisted", "he had “saved the ferry,”"),
            ("indirect", "claiming", "the quay was his idea"),
        ],
    ),
    (
        "no noun phrase after a verb without the frame, or after a time or a preposition",
        "Anna Berg recalled the old ferry. The council announced on Monday. Tom Hale noted "
        "Tuesday. Berg stressed it.",
        [],
    ),
    # what is NOT a statement
    (
        "scare quotes and titles",
        "The film “Bridges of Hope” opened on Friday. Nobody knew what “an open bridge” meant.",
        [],
    ),
    ("passive and modal", "Anna Berg was told the bridge was late. Berg would say nothing.", []),
    (
        "nouns and infinitives of cue words",
        "The state of the bridge worried everyone. Editor’s note: the bridge is closed. "
        "Berg declined to comment on the report.",
        [],
    ),
    (
        "a quoted heading after a quote",
        "“The bridge is safe,” Anna Berg said.\n\n‘All Bets Are Off.’",
        [("direct", "said", "The bridge is safe")],
    ),
    ("narration only", "The bridge opened on Monday. Traffic was light in the morning.", []),
    (
        "narration before a quotation in the reported clause makes it mixed, whole",
        "The ferry plan was “a disgrace,” Anna Berg said. But “it may pass,” she said.",
        [("mixed", "said", "The ferry plan was “a disgrace,”"), ("direct", "said", "it may pass")],
    ),
    (
        "a source phrase as an aside inside the reported clause",
        "Tom Hale, according to the council, made an unscheduled trip to the port. The ferry "
        "is late, according to the council, and the fares went up.",
        [
            (
                "indirect",
                "according to",
                "Tom Hale, according to the council, made an unscheduled trip to the port",
            ),
            ("indirect", "according to", "The ferry is late"),
        ],
    ),
    (
        "a number with a thousands comma in a clause without `that`",
        "Harbour police reported at least 5,000 people crossed the bridge.",
        [("indirect", "reported", "at least 5,000 people crossed the bridge")],
    ),
    (
        "a condition after a say verb is the content",
        "Anna Berg said if elected she would cut the fares. Tom Hale said, if pressed, he "
        "would agree.",
        [
            ("indirect", "said", "if elected she would cut the fares"),
            ("indirect", "said", "if pressed, he would agree"),
        ],
    ),
    (
        "an aside or a programme's name between the cue and `that`",
        "Anna Berg said, however, that the fares were too high. Tom Hale said on Radio Ness, "
        "where he is a regular guest, that the ferry was late. Ivo Lind said on Channel 9’s "
        "“Harbour Hour” that the quay was unsafe.",
        [
            ("indirect", "said", "the fares were too high"),
            ("indirect", "said", "the ferry was late"),
            ("indirect", "said", "the quay was unsafe"),
        ],
    ),
    (
        "the person told ends before a clause's determiner",
        "Anna Berg told the paper the claims are false.",
        [("indirect", "told", "the claims are false")],
    ),
    (
        "the person told, with a possessive, before `that`",
        "Anna Berg complained to Channel 9's Ivo Lind that the fares were too high.",
        [("indirect", "complained", "the fares were too high")],
    ),
    (
        "an -ing form other than `saying` with an object is no statement",
        "Eight in 10 firms are writing custom apps, Tom Hale told the council.",
        [
            (
                "indirect",
                "told",
                "Eight in 10 firms are writing custom apps",
            )
        ],
    ),
    (
        "a clause without `that` may open with a day's possessive, a number, or follow a bare day",
        "Anna Berg said Thursday's vote had led her to back the toll. The harbour board has "
        "said 2,093 of the tickets were refunded. The mayor said Tuesday his plan was lawful.",
        [
            ("indirect", "said", "Thursday's vote had led her to back the toll"),
            ("indirect", "said", "2,093 of the tickets were refunded"),
            ("indirect", "said", "his plan was lawful"),
        ],
    ),
    (
        "a relative `which` clause or an apposition that ends the sentence is the writer's "
        "note, unless it quotes the speaker or gives a share",
        "Tom Hale said he backs the ferry bill, which passed the council in May. Ann Berg said "
        "she opposed the toll, which she called “a tax on islanders.” Ivo Lind said the toll "
        "would fall, a move that pleased the council. Eva Marr said the site holds 140 homes, "
        "a third of them for rent.",
        [
            ("indirect", "said", "he backs the ferry bill"),
            ("mixed", "said", "she opposed the toll, which she called “a tax on islanders.”"),
            ("indirect", "said", "the toll would fall"),
            ("indirect", "said", "the site holds 140 homes, a third of them for rent"),
        ],
    ),
    (
        "a plain clause after the verb and a comma is its content; not after `what I say`",
        "Tom Hale says, there are people who never get heard.",
        [("indirect", "says", "there are people who never get heard")],
    ),
    (
        "a concession after a comma ends reported content (`, though she did not say ...`), "
        "not a word or two between commas",
        "Anna Berg said all staff sign the code, though she did not discuss its terms. Tom Hale "
        "said it was a crucial, although brief, chance to talk.",
        [
            ("indirect", "said", "all staff sign the code"),
            ("indirect", "said", "it was a crucial, although brief, chance to talk"),
        ],
    ),
    (
        "a clause without `that` may have a long subject before its verb",
        "The harbour board argued the tolls for the smaller ferries on the northern route "
        "would ruin the island.",
        [
            (
                "indirect",
                "argued",
                "the tolls for the smaller ferries on the northern route would ruin the island",
            )
        ],
    ),
    (
        "swear, lie and lecture are cues; after a time adjunct, only a verb that may drop "
        "`that` takes a clause without it",
        "Berg swears that she never saw the memo. Hale lied that the ferry was safe. Lind "
        "keeps lecturing the council that the toll is fair. Hale lied on the form she filled "
        "out in May.",
        [
            ("indirect", "swears", "she never saw the memo"),
            ("indirect", "lied", "the ferry was safe"),
            ("indirect", "lecturing", "the toll is fair"),
        ],
    ),
    (
        "`continue` reports speech only beside a quotation (its frame `quote`)",
        "“The ferry is late,” Hale said. “It is always late,” she continued. Hale continued: "
        "“Nobody cares.” Prices continued to rise. As the strike continues, the port is shut.",
        [
            ("direct", "said", "The ferry is late"),
            ("direct", "continued", "It is always late"),
            ("direct", "continued", "Nobody cares."),
        ],
    ),
    (
        "read, wonder, cry, scream and chant report speech beside a quotation only",
        "“The quay is shut,” the notice read. “Is the ferry late?” Hale wondered. “Help!” "
        "a passenger cried. Hale read the letter at home.",
        [
            ("direct", "read", "The quay is shut"),
            ("direct", "wondered", "Is the ferry late?"),
            ("direct", "cried", "Help!"),
        ],
    ),
    (
        "a reported clause ends before the speaker's own next verb after `, but` or `, and`; "
        "a cue after `but went on to` or `and then` shares the subject",
        "Hale joked that Orlen was his answer, but went on to say, “Arden is dangerous.” "
        "Berg insists the port must grow, and has championed a plan to widen it. Lind said "
        "the toll was unfair, and then pointed out that the ferry was late.",
        [
            ("indirect", "joked", "Orlen was his answer"),
            ("direct", "say", "Arden is dangerous."),
            ("indirect", "insists", "the port must grow"),
            ("indirect", "said", "the toll was unfair"),
            ("indirect", "pointed out", "the ferry was late"),
        ],
    ),
    (
        "`not only` before a cue is no negation",
        "Hale not only said the ferry was late but shouted it.",
        [("indirect", "said", "the ferry was late")],
    ),
    (
        "a noun cue with an aside before `that` opens no statement",
        "The council answered a recent claim, first made by the Harbour Post, that the "
        "ferry was unsafe. It reviewed a false report from the last election that the quay "
        "had closed.",
        [],
    ),
    (
        "a clause without `that` may open with an approximate number (`about 20 people`)",
        "Ann Cole said about 20 people have asked to join. Tom Hale said about the plan nothing.",
        [("indirect", "said", "about 20 people have asked to join")],
    ),
    (
        "a cue clause before `because` or `since` interrupts its content, which goes on",
        "The effects are hard to predict, many economists say, because there is no precedent.",
        [
            (
                "indirect",
                "say",
                "The effects are hard to predict, many economists say, because there is no "
                "precedent",
            )
        ],
    ),
    (
        "a reported clause ends before the speaker's own next clause (`and she accused`)",
        "Ann Cole said the servers were hacked and she accused Tom Hale of helping them. Cole "
        "said she would not ask Hale to quit, but she has bristled at the idea.",
        [
            ("indirect", "said", "the servers were hacked"),
            ("indirect", "accused", "Tom Hale of helping them"),
            ("indirect", "said", "she would not ask Hale to quit"),
        ],
    ),
    (
        "tell, warn, remind, caution: an object and an infinitive (`told his aides to wait`)",
        "Tom Hale told his aides to wait for the vote. Ann Cole warned the board not to sell "
        "the quay. Kit Lind told the council he tried to find a buyer.",
        [
            ("indirect", "told", "his aides to wait for the vote"),
            ("indirect", "warned", "the board not to sell the quay"),
            ("indirect", "told", "he tried to find a buyer"),
        ],
    ),
    (
        "`according to X` inside brackets reports the bracketed clause; brackets end the source",
        "Hale said 81 percent of the fares went up (the real figure is 15 percent, according to "
        "the Harbour Board). Fares rose 4 percent, according to port records (a small rise).",
        [
            ("indirect", "said", "81 percent of the fares went up"),
            ("indirect", "according to", "the real figure is 15 percent"),
            ("indirect", "according to", "Fares rose 4 percent"),
        ],
    ),
]


@pytest.mark.parametrize(("case", "body", "expected"), CONTENT, ids=[c[0] for c in CONTENT])
def test_content(extract, case, body, expected):
    df = extract(body)
    top = df[~df["nested"]]
    assert list(zip(top["kind"], top["cue"], top["text"], strict=True)) == expected


# ---------------------------------------------------------------- nested statements
# (body, [(speaker, content, nested), ...] in text order)
NESTED = [
    (  # `what I say, ...`: a free relative, no statement inside the quotation
        "“No matter what I say, I was going to win,” Tom Hale said.",
        [("Tom Hale", "No matter what I say, I was going to win", False)],
    ),
    (
        "Tom Hale said his predecessor, Anna Berg, had called the plan a folly.",
        [
            ("Tom Hale", "his predecessor, Anna Berg, had called the plan a folly", False),
            ("Anna Berg", "the plan a folly", True),
        ],
    ),
    (
        "“As Mayor Anna Berg said, the bridge is safe,” the engineer Tom Hale said.",
        [
            ("Tom Hale", "As Mayor Anna Berg said, the bridge is safe", False),
            ("Anna Berg", "the bridge is safe", True),
        ],
    ),
    (
        "Tom Hale added that Anna Berg had told him the trains would run every hour.",
        [
            ("Tom Hale", "Anna Berg had told him the trains would run every hour", False),
            ("Anna Berg", "the trains would run every hour", True),
        ],
    ),
    (  # a trailing cue reports the statement before it: that one is nested
        "A port official said the cranes were old. Anna Berg had told the council that the "
        "cranes were safe, the official added.",
        [
            ("a port official", "the cranes were old", False),
            (
                "a port official",
                "Anna Berg had told the council that the cranes were safe",
                False,
            ),
            ("Anna Berg", "the cranes were safe", True),
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), NESTED)
def test_nested(extract, body, expected):
    df = extract(body)
    assert list(zip(df["speaker"], df["text"], df["nested"], strict=True)) == expected


# ---------------------------------------------------------------- 4 and 6. speakers
# (case, body, the speaker of every statement in order)
SPEAKERS = [
    (
        "a title is a role; the surname resolves",
        "On Monday, Harbour Commissioner Lena Brandt said the boats can pass. “They will,” "
        "Brandt added.",
        ["Lena Brandt", "Lena Brandt"],
    ),
    (
        "a share of a group with `as many as` or `at least`, or a fraction, opening a clause",
        "By then, as many as 40 percent of Valdan voters said they could not back the mayor. "
        "At least half of voters in each ward say the toll is high. Nearly two-thirds of "
        "Labour members said that the port hurts the town.",
        [
            "as many as 40 percent of Valdan voters",
            "at least half of voters in each ward",
            "nearly two-thirds of Labour members",
        ],
    ),
    (
        "a group opening a clause: a share of it, two coordinated groups, a prepositional "
        "phrase and an aside after it",
        "A strong majority of Valdan voters say the toll is too high. In Orlen, about half of "
        "Labour members said they want a ferry. Farmers and civil rights groups say they came "
        "to the table. Supporters of the harbour plan, on the other hand, argued that it will "
        "help.",
        [
            "a strong majority of Valdan voters",
            "about half of Labour members",
            "farmers and civil rights groups",
            "supporters of the harbour plan",
        ],
    ),
    (
        "an `and` inside an organisation's name (after its `of` or `for`) joins no two speakers",
        "The Department of Ports and Harbours said the quay would open. The Centers for Tide "
        "Control and Prevention said the water was safe. Secretary of State Ivo Lind and Berg "
        "said the toll was fair.",
        [
            "Department of Ports and Harbours",
            "Centers for Tide Control and Prevention",
            "Ivo Lind; Berg",
        ],
    ),
    (
        "a group's prepositional phrase before a trailing cue may hold a proper word or a "
        "possessive, and ends in a noun",
        "The toll has made Orlen wary, people familiar with Orlen harbour policy said. The "
        "deal is poor for Hale, a second person briefed on last weekend's phone call said.",
        [
            "people familiar with Orlen harbour policy",
            "a second person briefed on last weekend's phone call",
        ],
    ),
    (
        "an age before a name, or as the noun, after an inverted cue",
        "“I could not stand,” wrote 43-year-old Tom Hale of Arden, in a case study. Ana Berg, "
        "47, runs the ferry. “The toll is high,” said the 47-year-old.",
        ["Tom Hale", "Ana Berg"],
    ),
    (
        "a document after an inverted cue, with its author after `from`, speaks for its author",
        "“The toll will rise,” said a report from Orlen Equities. “The quay is safe,” said a "
        "statement.",
        ["Orlen Equities", "a statement"],
    ),
    (
        "no group from the end of a clause before a trailing cue, nor from `those` and a noun",
        "The finds of these divers were momentous, groundbreaking advances, says Ana Berg. "
        "Those facts suggest that the quay is old.",
        ["Ana Berg"],
    ),
    (
        "`those` or `many` with a prepositional phrase opening a clause names a group",
        "Those in favour of the toll have said that the ferry is too slow. Many in the harbour "
        "union say the quay is unsafe.",
        ["those in favour of the toll", "many in the harbour union"],
    ),
    (
        "a sentence-opening compound with lower-case parts is no part of a name",
        "Adam Hale runs the port. Day-by-day Hale’s campaign grows louder. Hale keeps "
        "lecturing the council that the toll is fair.",
        ["Adam Hale"],
    ),
    (
        "a document named again, past its issuer's sentences, still speaks for its issuer",
        "On Monday, Tarrow Lines issued a statement about the ferry. The statement claimed "
        "that the toll would stay. The agreement maintained that it would cover the quay.\n\n"
        "“Ferries need no approval,” the statement continued.",
        ["Tarrow Lines", "the agreement", "Tarrow Lines"],
    ),
    (
        "the subject a second verb shares may follow `But`, and ends in its role noun",
        "A judge agreed with the union. But the Valdan Court of Appeals overruled and said "
        "Orlen already provided more hours. The former president showed restraint on Monday "
        "and said his outburst was emotion. But Hale’s plan features quays in play and states "
        "that have been closed.",
        ["Valdan Court of Appeals", "the former president"],
    ),
    (
        "after an inverted cue, `another`, `some`, `several` open an unnamed source that keeps "
        "its noun",
        "Tom Hale runs the mill. “The offer is low,” said another official at the ministry. "
        "“We are anxious,” said another Orlen user. “It is late,” said several analysts.",
        ["another official", "another Orlen user", "several analysts"],
    ),
    (
        "a role in apposition may hold proper words, and a role before a place before a name "
        "is kept: a description then finds the person",
        "Tom Hale, the Valdan ambassador, said the talks were over. Later, the Valdan "
        "ambassador warned that the port would close. Orlen envoy to Arden Liu Marren said the "
        "quay was shut. Orlen’s envoy to Arden added that it would open.",
        ["Tom Hale", "Tom Hale", "Liu Marren", "Liu Marren"],
    ),
    (
        "`each` opens an unnamed source of its own",
        "The mayor and the union met on Monday. Each side said the other was to blame.",
        ["each side"],
    ),
    (
        "an organisation's name runs on past `of`/`for` (the institute is it), and an `and` "
        "inside a name whose acronym the article writes joins no two speakers",
        "The National Institute for Tide Research said the tide was high. The institute "
        "added that the port was shut. Customs and Harbour Protection said the quay was open. "
        "CHP said it would close.",
        [
            "National Institute for Tide Research",
            "National Institute for Tide Research",
            "Customs and Harbour Protection",
            "Customs and Harbour Protection",
        ],
    ),
    (
        "a description resolves by role",
        "City spokesman Tom Hale said the road is open. Mayor Anna Berg said it is safe. "
        "The spokesman added that buses run again.",
        ["Tom Hale", "Anna Berg", "Tom Hale"],
    ),
    (
        "a pronoun resolves by gender",
        "Congresswoman Anna Berg said the road is open. Senator Tom Hale said it is not. "
        "She added that buses run again.",
        ["Anna Berg", "Tom Hale", "Anna Berg"],
    ),
    ("a pronoun with nothing before it", "“We will fight,” she said.", ["unknown"]),
    (
        "a reflexive between the speaker and the cue",
        "Velmar Motors itself said the deal was on.",
        ["Velmar Motors"],
    ),
    (
        "a group opening the sentence: a capitalised word and a plural",
        "Dock workers said the offer ignored inflation. Health care providers said the wards "
        "were full.",
        ["Dock workers", "Health care providers"],
    ),
    (
        "a group after a short fronted phrase and a comma",
        "In Arden, dock workers said the quay was late. When the ferry docked, passengers said "
        "it was early.",
        ["dock workers", "passengers"],
    ),
    (
        "`, who` after a phrase after a preposition: that phrase speaks",
        "The last question came from a young child, who said he drove from Arden. Hale made "
        "no mention of Anna Berg, who announced she is leaving.",
        ["a young child", "Anna Berg"],
    ),
    (
        "`kept` before an -ing cue: the speaker before it",
        "Sen. Tom Hale (R-Arden) kept asking her why the quay was late.",
        ["Tom Hale"],
    ),
    (
        "a progressive perfect: `has been warning`, not a passive (`has been told`)",
        "The council has been warning that the fund is running out. Anna Berg has been told "
        "that the quay is late.",
        ["the council"],
    ),
    (
        "a group opening the sentence after `But` or `And`",
        "But harbour traders say they have yet to see the money. And dock workers said the "
        "offer ignored inflation.",
        ["harbour traders", "dock workers"],
    ),
    (
        "a second verb after `and` shares the sentence's subject, not the first verb's object",
        "The union denies the charges of fraud and says the books are open.",
        ["the union"],
    ),
    (
        "the source refers back to a source with a post-modifier",
        "A source inside the Rukban camp said the road was closed. The source added that food "
        "was short.",
        ["a source inside the Rukban camp"] * 2,
    ),
    (
        "prefixes that are no part of a name; a capitalised thing after `a` is no person",
        "Sacramento-based Velm Co. said profits fell sharply. Browns DL Shel Ridley said the "
        "fight was staged. Ridley added that he was sorry. Parents listed themselves as a Tax "
        "Service and a Go-Kart Track. “I am so ahead of other parents,” she said.",
        ["Velm Co.", "Shel Ridley", "Shel Ridley", "unknown"],
    ),
    (
        "middle initials and a suffix belong to the name; the surname finds it",
        "James P. Kendrow Jr., the district attorney, said the case matters. Kendrow added "
        "that speech carries duties. G.K. Bellamy said the vote was close. Bellamy added that "
        "it would hold. U.S. Senator Ora Quist said it would not.",
        [
            "James P. Kendrow Jr.",
            "James P. Kendrow Jr.",
            "G.K. Bellamy",
            "G.K. Bellamy",
            "Ora Quist",
        ],
    ),
    (
        "a royal title stays in a one-word name; before a surname it is a role",
        "Prince Osric said he had no memory of it. “I was at home,” Osric said. The prince "
        "added that he regretted it. King Harald Olsen said it would not. Amy Quenn, who "
        "heads the Pope Foundation, said the talks would go on.",
        ["Prince Osric", "Prince Osric", "Prince Osric", "Harald Olsen", "Amy Quenn"],
    ),
    (
        "a surname that is also a title is a name",
        "Charlie King, a strategist, said the vote was close. Mr. King added that turnout "
        "mattered. Amy Pope said the plan was late.",
        ["Charlie King", "Charlie King", "Amy Pope"],
    ),
    (
        "a proper name after the names an organisation; an acronym its long name",
        "The BBC said the wards were full. The Tarrow Examiner reported that the trust had "
        "asked for help. The Harbour Transport Board’s report was late. The HTB said it had "
        "checked. The Rev. Tom Hale said the church was full. The President said it was not.",
        ["BBC", "Tarrow Examiner", "Harbour Transport Board", "Tom Hale", "the President"],
    ),
    (
        "a pronoun after an apposition tells the gender of the name it describes",
        "Tomas Brill, chief executive of Ceres Robotics, said his company was small. Wera "
        "Kant, who represents Olaf Dunne, said her client refused the deal. “We are agile,” "
        "he said.",
        ["Tomas Brill", "Wera Kant", "Tomas Brill"],
    ),
    (
        "a possessive `her` after a name tells its gender, as `his` does",
        "Lena Ward won her first award in May. Tom Kell spoke first. Later, she said the clinic "
        "was underfunded.",
        ["Lena Ward"],
    ),
    (
        "a she inside a quotation is someone else: it tells nothing of the speaker's gender",
        "“She was ill,” Kim Lund said. Robin Hale nodded. Later, she said the clinic was shut.",
        ["Kim Lund", "Robin Hale"],
    ),
    (
        "an age as a noun refers to the person just named; `a mother of two` is unnamed",
        "Tom Kell scored twice on Sunday. The 37-year-old said it was his last season. A mother "
        "of two said the match was too late.",
        ["Tom Kell", "a mother of two"],
    ),
    (
        "a name after `the` is a thing, not a person a pronoun could refer to",
        "Tom Kell spoke on Monday. The Velm Cutter will launch in May, and the Harbour Lift is "
        "ready. “We are ready,” he said.",
        ["Tom Kell"],
    ),
    (
        "a pronoun goes to the person just named, not to the last speaker",
        "“Rates will stay high,” said banker Jonas Ekdahl. Finance minister Pavel Hruby visited "
        "the port on Tuesday. “Exports are recovering,” he said.",
        ["Jonas Ekdahl", "Pavel Hruby"],
    ),
    (
        "Mr and Ms tell a gender; a pronoun skips the person of the other gender",
        "Ms Lind said the depot would close. Tom Berg met Mr Quill on Friday. She said the "
        "sale was final.",
        ["Lind", "Lind"],
    ),
    (
        "a possessive name is not the antecedent; the speaker of the sentence is",
        "The plan is late, Anna Berg said after Tom Hale’s report. She added that the "
        "money was there.",
        ["Anna Berg", "Anna Berg"],
    ),
    (
        "names inside a quotation are not antecedents",
        "“Tom Hale has the figures,” Anna Berg said. She added that the money was there.",
        ["Anna Berg", "Anna Berg"],
    ),
    (
        "a description nothing fits names an unnamed person",
        "Anna Berg said the road is open. The ambassador said it is not.",
        ["Anna Berg", "the ambassador"],
    ),
    (
        "an organisation's short form resolves to its longest name",
        "Harlow Freight Co. lost the contract. Harlow said it would appeal. Velm Media bought "
        "the yard. Velm said the deal was fair.",
        ["Harlow Freight Co.", "Velm Media"],
    ),
    (
        "an organisation speaks",
        "The Northgate Transport Ministry said the road is open. The ministry added that buses "
        "run again.",
        ["Northgate Transport Ministry"] * 2,
    ),
    (
        "unnamed sources stay apart",
        "A senior official said the road is open. A local farmer said it is not. The official "
        "added that buses run again.",
        ["a senior official", "a local farmer", "a senior official"],
    ),
    (
        "another source is a new unnamed source, and the source refers back to it",
        "A ministry official said the road is open. The works are late, another official said. "
        "The official added that buses run again.",
        ["a ministry official", "another official", "another official"],
    ),
    (
        "a quantifier opening a clause is an unnamed group; after a preposition it is not",
        "Some argue that the road is unsafe. But others said it is fine. For most, the road is "
        "open, Anna Berg said.",
        ["some", "others", "Anna Berg"],
    ),
    (
        "a counted group speaks: `70 percent of voters`, `a dozen nurses`; a year is no count",
        "Fifty-one percent say that the bridge should close. Just 44 percent of voters say it "
        "should stay open. Sixty percent said they use it. A dozen nurses told the council that "
        "the ward was full.",
        ["Fifty-one percent", "44 percent of voters", "Sixty percent", "a dozen nurses"],
    ),
    (
        "a subject after `after`, `before`, `since`: a clause's; collective nouns need no article",
        "The road shut after police said the bridge was unsafe. Years after Anna Berg claimed "
        "the tunnel was dry, it flooded. Staff told the inquiry that the ward was full. After "
        "her March comment, the mayor resigned.",
        ["police", "Anna Berg", "Staff"],
    ),
    (
        "a speaker phrase with a chain of prepositional phrases keeps them",
        "The deputy head of Tarrow’s delegation to the inquiry said the cranes were unsafe.",
        ["the deputy head of Tarrow’s delegation to the inquiry"],
    ),
    (
        "several speakers of one cue",
        "Kurt Volker met Tim Morrison. Volker and Morrison said that the talks went well.",
        ["Kurt Volker; Tim Morrison"],
    ),
    (
        "a person and their group speak together; a group named with a possessive",
        "“The tide is late,” Kit Lind and her colleagues wrote. Tom Hale and his team said the "
        "quay was safe. His aides said it was new.",
        ["Kit Lind; her colleagues", "Tom Hale; his team", "his aides"],
    ),
    (
        "a capitalised run after `its` is a thing, no antecedent for `he`",
        "Tom Hale spoke about the firm and its Dream Chaser vehicle. The quay would open in "
        "2022, he said.",
        ["Tom Hale"],
    ),
    (
        "`&` joins the words of a name (`Procter & Gamble`, `Chapter & Verse`)",
        "Jeff Hale, president of Chapter & Verse, a harbour design agency, said the quay was "
        "late. Tarrow & Sons said it was not.",
        ["Jeff Hale", "Tarrow & Sons"],
    ),
    (
        "a body named by its head noun alone is the one that spoke last with that head",
        "Arden police said the quay was closed. Later, police said it was open. The Hale "
        "campaign said it was late. The campaign said it was sorry.",
        ["Arden police", "Arden police", "Hale campaign", "Hale campaign"],
    ),
    (
        "a short first name is the same person, under the longest name",
        "Josh Apte led the study. “It is late,” said Joshua Apte. Patrick W. Lind Jr. pleaded "
        "guilty. Pat Lind said he was sorry.",
        ["Joshua Apte", "Patrick W. Lind Jr."],
    ),
    (
        "after an inverted cue, a hyphenated role word before the name (`study co-author`)",
        "“Rain is common on Titan,” said study co-author Kit Lind, a scientist at the agency.",
        ["Kit Lind"],
    ),
    (
        "a newsroom title before a name is the role (`Political Editor`, `Correspondent`)",
        "Harbour Times Political Editor Kit Lind asked whether the quay was safe. Gazette "
        "Correspondent Tom Hale said it was.",
        ["Kit Lind", "Tom Hale"],
    ),
    (
        "a title that goes on after `of` is the role, not part of the name",
        "Secretary of State John Kerry said it was late. Minister of Home Affairs Anna K. Berg "
        "said it was not.",
        ["John Kerry", "Anna K. Berg"],
    ),
    (
        "the canonical name is the longest",
        "Berg said the road is open. Later, Mayor Anna Berg said it is safe.",
        ["Anna Berg", "Anna Berg"],
    ),
    (
        "sentence-initial words are not names",
        "“Thank God, the road is open,” Anna Berg said.",
        ["Anna Berg"],
    ),
    (
        "a relative clause and an age before the cue",
        "Anna Berg, 56, who has led the council since 2019, said the road is open.",
        ["Anna Berg"],
    ),
    (
        "an apposition gives the name",
        "The town's chief engineer, Tom Hale, told reporters that the bridge is safe.",
        ["Tom Hale"],
    ),
    (
        "an of-phrase after a name; a spokeswoman for someone",
        "“It was the least bad outcome,” Mr. Morgan of the Harbour Club said. A spokeswoman for "
        "the mayor said the talks would go on.",
        ["Morgan", "a spokeswoman for the mayor"],
    ),
    (
        "in the words of X, in X’s view",
        "In the words of the council's chief executive, Dana Whitfield, the repairs were "
        "“the biggest job in years”. In Whitfield’s view, the closure was worth it.",
        ["Dana Whitfield", "Dana Whitfield"],
    ),
    (
        "an unnamed source after a quotation",
        "“I waited two years,” wrote one passenger on the website.",
        ["one passenger"],
    ),
    (
        "the company is the organisation that spoke",
        "The operator, Westmarsh Ferries, warned that fuel costs had risen. According to the "
        "company, tickets cover half of the costs.",
        ["Westmarsh Ferries", "Westmarsh Ferries"],
    ),
    (
        "according to any source phrase",
        "According to exit polls, the mayor won easily. The vote was close, according to a new "
        "report by the Harbour Times.",
        ["exit polls", "Harbour Times"],  # an outlet's report speaks for the outlet
    ),
    (
        "a role in apposition resolves a later description",
        "“The bridge will open in May,” said Clara Voss, a spokeswoman for the county roads "
        "office.\n\nCouncillor Peter Hale said that the budget was too small.\n\n"
        "The spokeswoman added that the contractor was on schedule.",
        ["Clara Voss", "Peter Hale", "Clara Voss"],
    ),
    (
        "no spokesman named: the spokesman is an unnamed person, not the farmer",
        "“We lost half the harvest,” said Tom Berg, a farmer from the valley.\n\n"
        "The spokesman declined to say more, but the spokesman said that talks would go on.",
        ["Tom Berg", "the spokesman"],
    ),
]


SPEAKERS += [
    (
        "a group opened by a quantifier, for a participle",
        "Both unions rejected the plan on Tuesday, saying the trip would add an hour.",
        ["Both unions"],
    ),
    (
        "an acronym is the organisation it spells; the agency refers back to it",
        "Coastal Flood Agency staff did not reply. CFA later announced that the wall would be "
        "raised. The agency said that work would start in May.",
        ["Coastal Flood Agency", "Coastal Flood Agency"],
    ),
    (
        "a longer generic description refers to the organisation that spoke",
        "Harbour Lights Productions said the show would go on. The production company added "
        "that tickets were sold out.",
        ["Harbour Lights Productions", "Harbour Lights Productions"],
    ),
    (
        "a group with a participle and a preposition",
        "Two people briefed on the talks said the deal was close.",
        ["two people briefed on the talks"],
    ),
    (
        "a group with a bare prepositional phrase",
        "Experts on flood defences told the paper that the wall was too low.",
        ["experts on flood defences"],
    ),
    (
        "a group of residents",
        "Residents near the depot said the buses woke them.",
        ["residents near the depot"],
    ),
    (
        "an unnamed person with a place",
        "A man near the station said the train was late.",
        ["a man near the station"],
    ),
    (
        "a time adjunct between the subject and the cue",
        "Alden on Tuesday announced that it had bought the paper.",
        ["Alden"],
    ),
    (
        "a statement document speaks for whoever issued it",
        "The Harbour Board said in a statement that the pier was closed. “Repairs will take a "
        "month,” the statement said.",
        ["Harbour Board", "Harbour Board"],
    ),
    (
        "a capitalised plural at a sentence start is a group, the one named before",
        "Federal prosecutors said the guards slept. Prosecutors alleged that the logs were false.",
        ["Federal prosecutors", "Federal prosecutors"],
    ),
    (
        "a journalist's job is a role that a description finds later",
        "Orlen News columnist Tom Hale wrote that the bridge was late. Ann Cole disagreed. The "
        "columnist said the delay was a scandal.",
        ["Tom Hale", "Tom Hale"],
    ),
    (
        "capitalised words before a role and a name modify the role; they name no organisation",
        "The Ministry rejected the claims on Monday. Valda TV Ministry correspondent Ann Cole "
        "wrote that the claims were false. The Ministry said the base was safe.",
        ["Ann Cole", "Ministry"],
    ),
    (
        "names joined by `and` in an apposition after a description are the speakers",
        "Our chief engineers, Ruth Adeyemi and Ivo Lind, told reporters the bridge was safe.",
        ["Ruth Adeyemi; Ivo Lind"],
    ),
    (
        "given names joined by `and` before a surname share it, never another person's",
        "Tom Eisen spoke first. Tom and Ann Hale wrote that the party was doomed. Senator "
        "Tom Hale and Ann Cole said the plan was dead.",
        ["Tom Hale; Ann Hale", "Tom Hale; Ann Cole"],
    ),
    (
        "an aside about all the speakers before it (`both ...`) is looked through",
        "Tom Hale and Ann Cole, both up for reelection, also said they would vote no.",
        ["Tom Hale; Ann Cole"],
    ),
    (
        "`it` with no organisation before it is the document that opened its sentence or the "
        "one before",
        "The report also gave details of the leaks. It said the harbour staff had hidden them.",
        ["the report"],
    ),
    (
        "`it` is the organisation that was the subject of its sentence or the one before",
        "The Harbour Board closed the pier on Monday. It said repairs would take a month.",
        ["Harbour Board"],
    ),
    (
        "a surname before `, which` is still the person the article names in full",
        "Tom Hale met Bo Kerr on Monday. Kerr thanked Hale, which pleased the crowd. Hale smiled "
        "at the crowd. “It was hard,” he said.",
        ["Tom Hale"],
    ),
    (
        "a rep and a publicist are roles: an owner's rep is an unnamed source",
        "Ann Cole's rep told reporters that the tour was off. A publicist for the band said "
        "it was not.",
        ["Ann Cole's rep", "a publicist for the band"],
    ),
    (
        "a hyphenated modifier of a source may hold digits (`the 50-state poll`)",
        "Berg won, but the 50-state poll suggests Hale could win in both regions.",
        ["the 50-state poll"],
    ),
    (
        "a group's phrase may hold a phrase of its own (`with direct knowledge` of ...)",
        "People with direct knowledge of the harbour talks said the deal was close.",
        ["people with direct knowledge of the harbour talks"],
    ),
    (
        "a he or she goes to the sentence's person outside a prepositional phrase first",
        "Tom Hale spoke first. Growing up in Santa Verde, Ivo Lind saw the ferries leave. "
        "“They never came back,” he said.",
        ["Ivo Lind"],
    ),
    (
        "a he or she with no named person of that gender near goes to an unnamed person "
        "described by a gendered noun, not to one a copula describes",
        "Tom Hale said the ferry was late. The Gazette spoke to one mother, who knew her son "
        "took it. “I am furious,” she said. Ivo Lind runs the port, a task he finds hard as a "
        "father. “It is busy,” he said.",
        ["Tom Hale", "one mother", "Ivo Lind"],
    ),
    (
        "a description before a name later on names that person (the same words)",
        "Arden’s envoy to Kestle warned that the talks would fail. On Monday, Arden’s envoy "
        "to Kestle Ivo Lind said the talks were over.",
        ["Ivo Lind", "Ivo Lind"],
    ),
    (
        "a name with a middle initial is the same person as the name without it or with the "
        "middle name in full; a Jr. is another person",
        "Tom Hale spoke. On Monday, Tom R. Hale said the pier was safe. On Tuesday, Ann Q. Berg "
        "said it was not, and later Ann Quill Berg added that it leaked. On Friday, Tom Hale "
        "Jr. said he agreed.",
        ["Tom R. Hale", "Ann Quill Berg", "Ann Quill Berg", "Tom Hale Jr."],
    ),
    (
        "a known given name opening a sentence opens the name of three words after it",
        "Ruth Bader Kell said the toll was fair. Kell added that it would stay.",
        ["Ruth Bader Kell", "Ruth Bader Kell"],
    ),
    (
        "a surname alone stays with the person it was used for, when a relative who shares it "
        "is named later",
        "Senator Tom Hale spoke first. Hale said the bridge was safe. His wife, Ann Hale, "
        "runs the ferry. Hale said the tolls would fall.",
        ["Tom Hale", "Tom Hale"],
    ),
    (
        "a pronoun after a quotation takes no modifier (`“...,” but he said`)",
        "Tom Hale said the plan was “bad,” but he said that it would pass.",
        ["Tom Hale", "Tom Hale"],
    ),
    (
        "`other` opens a group of its own, which starts a new clause of the sentence",
        "Tom Hale said he would run next week, and other party leaders said he could win.",
        ["Tom Hale", "other party leaders"],
    ),
    (
        "a group with words of its own before its noun is another group, not the one named before",
        "Lawyers for the Hale family said the guards slept. Dock union lawyers warned that the "
        "logs were false. Lawyers said the logs were kept.",
        ["lawyers for the Hale family", "Dock union lawyers", "Dock union lawyers"],
    ),
    (
        "a gerund opening a sentence is not part of a name",
        "Tim Crook spoke first. Hosting Crook at the festival was a dream, the organiser wrote. "
        "Crook said the festival was his favourite.",
        ["the organiser", "Tim Crook"],  # nobody was named an organiser: never a guess
    ),
    (
        "a name ends before `of` and a place",
        "“I could not walk,” wrote Martin Tayler of Aberdeenshire in a case study. Tayler added "
        "that the duvet was to blame.",
        ["Martin Tayler", "Martin Tayler"],
    ),
    (
        "`X said she ...` tells X's gender",
        "Omara Dell said she would appeal. Senator Tom Hale met Dell and Ann Crane on Friday. "
        "She said the appeal was ready.",
        ["Omara Dell", "Omara Dell"],
    ),
    (
        "the subject of a participle after a verb of its own",
        "Omar asked for patience in a letter on Tuesday, saying she did not think a long "
        "sentence would help.",
        ["Omar"],
    ),
    (
        "the subject after a fronted adverbial, of a coordinated verb",
        "Last week, Rookwood toured the site with two councillors and said the yard was too small.",
        ["Rookwood"],
    ),
    (
        "a name before an apposition and a relative clause",
        "Anselm Rookwood, director of Kestle Valley Buses, which runs the depot, said the "
        "company had not been consulted.",
        ["Anselm Rookwood"],
    ),
    (
        "a place and its country inside an apposition, and a second apposition after `and`",
        "“The tide is late,” Kit Lind, a researcher at the Harbour Institute in Arden, Norway, "
        "and co-author of the study, said. On Monday, the director of the Federal Bureau of "
        "Tides, Anna B. Berg, said that the tide was late.",
        ["Kit Lind", "Anna B. Berg"],
    ),
    (
        "an adverbial aside between a group after a preposition and the cue",
        "Harbour leaders in Arden, for instance, noted that the quay was late.",
        ["harbour leaders in Arden"],
    ),
    (
        "an apposition whose organisation has an apposition of its own",
        "Mark Hale, chairman of the board of Tide Partners, the network’s funding arm, said the "
        "quay would open. Kit Lind, a pollster who works with Tide Partners, a harbour lobby, "
        "said it would not.",
        ["Mark Hale", "Kit Lind"],
    ),
    (
        "an aside longer than the look-behind window: the speaker is looked for further back",
        "“The tide is late,” Kit Lind, a postdoctoral fellow at the Harbour Institute for Tidal "
        "Research in Arden, Norway, and co-author of the study, said in a statement.",
        ["Kit Lind"],
    ),
    (
        "an apposition too long to look through; the addressee is not the speaker",
        "Ian Holm, an expert in addiction and mental health at the Department of Health "
        "Sciences at the University of Yorvik who did not work on the study, told the Gazette: "
        "“The rise is small.”",
        ["Ian Holm"],
    ),
    (
        "I inside a quotation is the quotation's speaker",
        "“My people had it done,” Anna Berg recounted. “And I said, ‘I want more.’”",
        ["Anna Berg", "Anna Berg", "Anna Berg"],
    ),
    (
        "according to, before and after",
        "According to Anna Berg, the bridge is safe. The road is closed, according to the police.",
        ["Anna Berg", "the police"],
    ),
    (
        "a written source: its author, its issuer, its owner, else its core",
        "Papers closed, according to a 2018 survey by Nadia Rusk of Tarrow University. Costs "
        "rose, according to a report from the Harbour Department’s inspector general. Voters "
        "moved, according to a recent Tarrow Examiner poll. Turnout fell, according to the "
        "researchers’ calculations. The pain eased, according to a case report published in "
        "the journal Velm Reports. The man recovered, according to a new case report. The guard "
        "slept, according to court documents. Prices fell, according to a poll in February.",
        [
            "Nadia Rusk",
            "Harbour Department",
            "Tarrow Examiner",
            "the researchers",
            "case report",
            "case report",
            "court documents",
            "poll",
        ],
    ),
    (
        "the company, the agency: the fitting organisation named last",
        "Velmar Holdings opened a plant in Tarrow. The Harbour Foundation objected. The company "
        "said the plant was safe. The HSA inspected it. The agency said it found no fault.",
        ["Velmar Holdings", "HSA"],
    ),
    (
        "a group with a post-modifier, before or after the content",
        "People familiar with the talks said prices may rise. Prices may fall next year, "
        "people familiar with the plan said.",
        ["people familiar with the talks", "people familiar with the plan"],
    ),
    (
        "a participle after `by`, `after`, `while` takes the sentence's subject",
        "Mayor Anna Berg responded to the mother by saying the rule was manufactured.",
        ["Anna Berg"],
    ),
    (
        "a participle after a document the subject issued: the issuer speaks",
        "The council issued a statement saying the quay was safe. Tom Hale’s campaign sent out "
        "a press release on Friday saying the ferry was late. The mayor read a report by the "
        "Gazette saying it was not.",
        ["the council", "Tom Hale’s campaign"],
    ),
    (
        "weigh in, chime in and muse report speech beside a quotation only",
        "“We all miss him so much,” Tom Hale weighed in. Ann Cole chimed in: “So do we.” Kit "
        "Lind weighed in on the debate.",
        ["Tom Hale", "Ann Cole"],
    ),
    (
        "shoot back, fire back, interject, fume, scoff and order report speech beside a "
        "quotation only",
        "“That is false,” Tom Hale shot back. Ann Cole interjected: “So is yours.” Kit Lind "
        "fumed about the toll. Eva Marr fired back at the board. “Nonsense,” Ivo Berg scoffed. "
        "“Stop!” an officer ordered. The judge ordered a new trial.",
        ["Tom Hale", "Ann Cole", "Ivo Berg", "an officer"],
    ),
    (
        "a message, a note or a response is a document its sender issues",
        "The harbour union sent a text message to members saying the strike was over. Tom Hale "
        "posted a response on Friday saying the ferry was late.",
        ["the harbour union", "Tom Hale"],
    ),
    (
        "an infinitive cue after a frame that reports speech that happened; not `likely to`",
        "Anna Berg was quick to add that the quay was late. Tom Hale went out of his way to say "
        "the ferry was full. Kit Lind took to Twitter to say the tide was high. Berg is likely "
        "to say it was not.",
        ["Anna Berg", "Tom Hale", "Kit Lind"],
    ),
    (
        "a participle's subject: before a present-tense verb, after a fronted participle",
        "Democrats see Hale as an agent of decline, arguing that his attacks are unfair. "
        "Reached by the Gazette, Tom Hale left early, explaining that he was away.",
        ["Democrats", "Tom Hale"],
    ),
    (
        "a participle's subject after a long fronted adverbial",
        "In a victory speech in Arden County on Tuesday night, Mr. Tom Hale struck a measured "
        "tone, saying he understood the task.",
        ["Tom Hale"],
    ),
    (
        "a participle takes a sentence-opening group of three words as its subject",
        "Health care providers have protested the longer shifts, warning that the wards are full.",
        ["Health care providers"],
    ),
    (
        "... but not a name and a verb and its object (`Berg tweeted congratulations`)",
        "Anna Berg tweeted congratulations, adding that the voters had worked hard. Tom Hale, "
        "whose hometown, Arden, is expected to be largely underwater within the not too distant "
        "future as the sea level rises, argues that the plan will fail.",
        ["Anna Berg", "Tom Hale"],
    ),
    (
        "a participle opening the sentence: the main clause's subject speaks",
        "Noting that the tide was high, Kit Lind asked whether the quay was safe. Declaring "
        "that he alone could fix the harbour, Tom Hale said the quay was late.",
        ["Kit Lind", "Kit Lind", "Tom Hale", "Tom Hale"],
    ),
    (
        "a participle after `and`, `but` or a comma with an adverb between",
        "Tom Hale mocked the plan and pointedly saying the quay was unsafe. Anna Berg raised "
        "questions about the ferry, falsely suggesting that it was late.",
        ["Tom Hale", "Anna Berg"],
    ),
    (
        "... and with adverbs between: `while also suggesting`",
        "The mayor wants to close the quay, while also suggesting that the ferry should stop.",
        ["the mayor"],
    ),
    (
        "a participle with its own subject: `quoted X as saying`, `footage of X saying`",
        "The Tarrow Examiner quoted Anna Berg as saying that the bridge was safe. The advert "
        "ends with footage of Tom Kell saying, “We will win.” The share of voters saying the "
        "bridge is safe fell.",
        ["Anna Berg", "Tom Kell"],
    ),
    (
        "a participle's subject opens the sentence, past an object name, `The`, or a dash",
        "Anna Berg attacked Tom Kell, saying he would close the bridge. The mayor praised the "
        "council, saying it had worked hard. Ivo Tamm changed his vote on the spot – saying he "
        "had been misled.",
        ["Anna Berg", "the mayor", "Ivo Tamm"],
    ),
    (
        "a subject pronoun opening a clause is no fronted adverbial: `but said` shares it",
        "Anna Berg spoke on Monday. She gave no date for the ferry, but said the boats were ready.",
        ["Anna Berg"],
    ),
    (
        "a participle after a relative clause's statement belongs to the main clause",
        "Tom Kell refused to pay an architect who said he was owed money, saying, “He did a "
        "poor job.”",
        ["an architect", "Tom Kell"],
    ),
    (
        "a participle shares a subject after a long fronted adverbial, or a pronoun subject",
        "After a long and bitter primary season, Dana Feld appeared with Tom Hale and endorsed "
        "him, saying the plan was ready. On Monday, she seemed to doubt it, warning that the vote "
        "was close.",
        ["Dana Feld", "Dana Feld"],
    ),
    (
        "a `he` after someone else named between the speaker and the content tells nothing "
        "of the speaker's gender",
        "Dana Feld endorsed Tom Hale, saying he was ready. Later she said the vote was close.",
        ["Dana Feld", "Dana Feld"],
    ),
    (
        "a participle shares a subject that opens with a number",
        "After the vote, two harbour pilots urged the council to wait, arguing that the quay "
        "was unsafe.",
        ["two harbour pilots"],
    ),
    (
        "a participle shares the speaker",
        "“It is safe,” Anna Berg said, adding that the bridge would open in May.",
        ["Anna Berg", "Anna Berg"],
    ),
    (
        "a pronoun after a colon quotation",
        "Anna Berg said: “It is safe.” “It will open in May,” she added.",
        ["Anna Berg", "Anna Berg"],
    ),
    (
        "a recovered quotation keeps the next speaker",
        "“We are ready. The bridge is safe, Anna Berg said.\n\n"
        "The council met on Monday. Tom Hale said that the vote was close.",
        ["Anna Berg", "Tom Hale"],
    ),
    (
        "a share of a group in a poll speaks as a group",
        "Six in 10 Harlow County voters said the ferry was too dear. Nearly half said they "
        "would drive instead, and more than 3 in 10 said the timetable was wrong.",
        ["Six in 10 Harlow County voters", "Nearly half", "more than 3 in 10"],
    ),
    (
        "a percentage of those surveyed; `another` before a share",
        "Forty-two percent of those surveyed say the ferry is too dear. Another 19 percent said "
        "they would not pay.",
        ["Forty-two percent of those surveyed", "another 19 percent"],
    ),
    (
        "a time adjunct between the speaker and the cue",
        "Dana Feld last week said the ferry was too dear. The council this month said it would "
        "wait, and Tom Hale earlier this year said the same.",
        ["Dana Feld", "the council", "Tom Hale"],
    ),
    (
        "a nominal reference (`the actress`, `the billionaire`) is the person named before",
        "Lena Dahl won the Harbour award on Sunday. “It is a dream,” the actress said. Ivo "
        "Brandt bought the ferry line. The billionaire said the fares would fall.",
        ["Lena Dahl", "Ivo Brandt"],
    ),
    (
        "an organisation noun with a capitalised modifier is not another organisation's name",
        "The Harbour Ministry of Transport opened a quay. According to the Danish ministry, "
        "the quay is unsafe. The ministry said the quay was safe.",
        ["Danish ministry", "Harbour Ministry of Transport"],
    ),
    (
        "a sentence-opening adverb is no part of the name after it",
        "Anna Berg spoke first. Yet Berg said the plan was dead. Still Kell warned that the "
        "quay was unsafe.",
        ["Anna Berg", "Kell"],
    ),
    (
        "a discourse adverb between the speaker and the cue",
        "Tom Hale however said the ferry was late. Anna Berg meanwhile said it was early.",
        ["Tom Hale", "Anna Berg"],
    ),
    (
        "a relative clause after a phrase ending in an organisation",
        "Tom Hale met a staffer at the Harbour Department who told him the plan was dead.",
        ["a staffer at the Harbour Department"],
    ),
    (
        "a floating quantifier after several speakers",
        "Tom Hale and Anna Berg both said the plan was dead. Ivo Lind, Dana Feld and Tom Kell "
        "all said it was alive.",
        ["Tom Hale; Anna Berg", "Ivo Lind; Dana Feld; Tom Kell"],
    ),
    (
        "the antecedent of `who` after `to` or `with` speaks; after a place, the phrase the "
        "place belongs to (never the place)",
        "The plan gave hope to the fishermen who say the quay is unsafe. In the poll, 40 "
        "percent backed it, compared with 23 percent who said it was too dear. A guide at the "
        "harbour in Tamsworth who said the fares were fair left.",
        ["the fishermen", "23 percent", "a guide at the harbour in Tamsworth"],
    ),
    (
        "a share with a percent sign",
        "In Harlow, 85% of residents said the fares were too high. About 60% said the ferry "
        "was late.",
        ["85% of residents", "About 60%"],
    ),
    (
        "a participle after `with` has its own subject",
        "The ferry plan lost ground, with 30 percent of residents saying the fares were too "
        "high. The hearing opened with the pilots saying the quay was unsafe.",
        ["30 percent of residents", "the pilots"],
    ),
    (
        "a progressive cue after `are`, an adverb or a contracted `is`",
        "Harbour pilots are increasingly warning that the quay is unsafe. Tom Hale came late. "
        "He’s predicting that the fares will rise.",
        ["Harbour pilots", "Tom Hale"],
    ),
    (
        "a cue after `continued to` or `went on to` reports speech; after `wants to`, not",
        "Tom Hale continued to complain that the fares were high. Ann Lee went on to say "
        "that the ferry was late. Ivo Lind wants to say that the quay is safe.",
        ["Tom Hale", "Ann Lee"],
    ),
    (
        "an abbreviation that ends a line ends its sentence (`the U.S.` and a line break)",
        "Smugglers cross the border into the U.S.\nTom Hale added that he would close it.",
        ["Tom Hale"],
    ),
    (
        "an owner's `’s` opens a subject whose role noun comes third",
        "Valda’s foreign minister toured the port and said the plan was late.",
        ["Valda’s foreign minister"],
    ),
    (
        "a name right before its own participle is its subject (an absolute construction)",
        "Both men issued a statement – Hale saying he was very encouraged and Tom Kerr "
        "calling it a great meeting.",
        ["Hale", "Tom Kerr"],
    ),
    (
        "`going on to say` after a comma is a participle's frame: the speaker before speaks",
        "The plan is insane, Tom Hale said, going on to say that the city had wasted years.",
        ["Tom Hale", "Tom Hale"],
    ),
    (
        "a cue after the present `continue to` or `begin to` reports speech too",
        "Harbour pilots continue to warn that the channel is silting up.",
        ["Harbour pilots"],
    ),
    (
        "a participle after a quotation that closes on a comma",
        "Tom Hale called the plan “fantastic,” telling reporters that it would pass. Ann Lee "
        "said of it, “I do not like it,” adding that it would fail.",
        ["Tom Hale", "Tom Hale", "Ann Lee", "Ann Lee"],
    ),
    (
        "poll shares with `some`, `out of`, a trailing `polled`, and `those surveyed`",
        "Some 56 percent of residents polled said the fares were high. Nearly nine out of 10 "
        "say the quay is unsafe. While those surveyed said the ferry was late, the council "
        "disagreed.",
        ["some 56 percent of residents polled", "Nearly nine out of 10", "those surveyed"],
    ),
    (
        "a share with `of`",
        "Nearly eight of 10 voters say the ferry is too dear.",
        ["Nearly eight of 10 voters"],
    ),
    (
        "two shares are two groups",
        "Six in 10 said the fares were fair. Four in 10 said they were not.",
        ["Six in 10", "Four in 10"],
    ),
    (
        "a hyphenated modifier, and two nouns joined by `and`, after the determiner",
        "The self-described moderate said the plan was bold. The Arden-born dancer said it "
        "was late. Her advisers and allies say it is dear.",
        ["the self-described moderate", "the Arden-born dancer", "her advisers and allies"],
    ),
    (
        "lower-case nouns between the reported clause's comma and the name (not a participle)",
        "The council has approved the plan, council leader Ana Berg said. Lind won the race, "
        "beating rival Tom Hale in his home state.",
        ["Ana Berg"],
    ),
    (
        "a determiner before an owner's noun opens the phrase; a participle after `testified,`",
        "The skipper's daughter said the toll was high. The victim's mother testified, "
        "describing the quay as “unsafe.”",
        ["the skipper's daughter", "the victim's mother"],
    ),
    (
        "`his office`, `her campaign`: the person they refer to, named (not `his own`, nor in a "
        "group of speakers)",
        "Governor Tom Hale spoke in Arden. His office said he was travelling. Ana Berg was "
        "absent. Her campaign said she was ill. Ana Berg and her team said it was late.",
        ["Tom Hale's office", "Ana Berg's campaign", "Ana Berg; her team"],
    ),
    (
        "a role's place before a name is no part of it; a first word alone names one full name",
        "Tarn’s ambassador to Arden Wu Mingde said the toll was high. Wu said it was late. Ana "
        "Berg spoke. “It is late,” Ana said. A spokeswoman for Mayor Ana Berg said it was dear. "
        "Police chief in Vel Arden Chris Tang said it was fair.",
        ["Wu Mingde", "Wu Mingde", "Ana Berg", "a spokeswoman for Mayor Ana Berg", "Chris Tang"],
    ),
    (
        "he or she goes to the nearest sentence's person, of unknown gender too, but not past "
        "a he or she of that sentence's own",
        "Mr. Tom Lind spoke first. Ivo Marr praised the plan. “It is late,” he said. Mr. Tom "
        "Lind spoke again. He shared with Ivo Marr a plan. “It is dear,” he said.",
        ["Ivo Marr", "Tom Lind"],
    ),
    (
        "`the email said`: whoever sent the email named last, not whoever spoke last",
        "Mayor Ana Berg said the toll was high. The harbour union sent out an email appeal on "
        "Monday. “We need your help,” the email said.",
        ["Ana Berg", "the harbour union"],
    ),
    (
        "`it says` after a document was put out: whoever put it out",
        "Mayor Ana Berg said the toll was high. The Tarrow Ferry Company rejected it. The port "
        "authority put out a statement on Friday. It says the toll is fair.",
        ["Ana Berg", "the port authority"],
    ),
    (
        "a possessive name is an antecedent when it owns a thing, not a person",
        "“Rates will rise,” said Mayor Ana Berg. Tom Hale's plan is late. “It is dear,” he "
        "said. Mr. Ivo Marr spoke. Tom Hale's brother Ed arrived. “It is fair,” he said.",
        ["Ana Berg", "Tom Hale", "Ivo Marr"],
    ),
    (
        "the pronoun after a possessive name tells nothing of its gender",
        "At Ivo Marr’s hearing she was calm. “Rates will rise,” said Mayor Ana Berg. Later Tom "
        "Hale met Ivo Marr. “It is dear,” she said.",
        ["Ana Berg", "Ana Berg"],
    ),
    (
        "a pronoun inside a quotation tells nothing of the gender of a name outside it",
        "Ivo Marr told voters that “she will win.” “Rates will rise,” said Mayor Ana Berg. "
        "Later Tom Hale met Ivo Marr. “It is dear,” she said.",
        ["Ivo Marr", "Ana Berg", "Ana Berg"],
    ),
    (
        "a name followed by `, which` or in apposition to an organisation noun is an "
        "organisation, and `the company` refers to it",
        "The group that runs the ferries, Blue Crane, says the toll is fair. Fares are set by "
        "Red Kite, which was sold in May. “We are ready,” the company said.",
        ["Blue Crane", "Red Kite"],
    ),
    (
        "an organisation's name joined by `of` or `for` is one name, whatever title word it holds",
        "The ferry toll will rise next year, the Department of Justice said. Fares will fall "
        "this spring, the Bureau of Harbour Statistics reported on Friday.",
        ["Department of Justice", "Bureau of Harbour Statistics"],
    ),
    (
        "a description keeps the capital of a proper word it opens with, not of a common one",
        "The toll will rise next year, Arden’s ambassador to Tarn said. Harbour experts on "
        "flood defences said it was dear. Arden voters in Tarn said it was fair.",
        ["Arden’s ambassador to Tarn", "harbour experts on flood defences", "Arden voters in Tarn"],
    ),
    (
        "a given name tells a gender when nothing in the article does",
        "Senator Ana Berg said the toll was high. Senator Mark Olsen said it was low. She "
        "added that buses run again.",
        ["Ana Berg", "Mark Olsen", "Ana Berg"],
    ),
    (
        "no first word alone names a product (a number after it) or an employer (after `at`)",
        "The $40 Kell Lightning 2 cable is dear. Kell said it sold well. “It is late,” said Ivo "
        "Marr, a vice president at Tarrow Defense. Tarrow said the test was fine.",
        ["Kell", "Ivo Marr", "Tarrow"],
    ),
    (
        "a generic noun of organisations that is no organisation word (`the brokerage`)",
        "“Rates will fall,” said Tarrow Securities. A slowdown is near, the brokerage said.",
        ["Tarrow Securities", "Tarrow Securities"],
    ),
    (
        "the antecedent of a relative `who`: after a dash, a bare plural group, `those`",
        "Mayor Tom Lind - who said the toll was high - left. The plan was opposed by powerful "
        "dock unions who said it was late. It pleased those who said it was fair.",
        ["Tom Lind", "powerful dock unions", "those"],
    ),
    (
        "a poll's answers: `were more likely to say` (not `likely to say`: an expectation)",
        "Arden voters were slightly more likely to say the toll is high. Tarn voters are "
        "likely to say it is low.",
        ["Arden voters"],
    ),
    (
        "a document noun that is also a cue verb speaks after a determiner (`the report` is "
        "the one named before)",
        "An earlier report in the Arden Times said the toll was high. The report warns fares "
        "will rise.",
        ["an earlier report in the Arden Times", "an earlier report in the Arden Times"],
    ),
    (
        "`in` joins a place to the speaker's noun; an adverbial aside after an apposition",
        "The government in Arden finally acknowledged the toll was high. Brian Lind, the "
        "chairman of the Tarn party in New Arden, for example, said the quay was late.",
        ["the government", "Brian Lind"],
    ),
    (
        "an aside between dashes before the cue",
        "Tom Lind — who has guarded the quay for years — says the toll is high. Harbour "
        "leaders — and, in particular, the mayor — insisted it was late.",
        ["Tom Lind", "Harbour leaders"],
    ),
    (
        "a group opened by a proper adjective after a fronted phrase",
        "By a slim margin, Arden harbour voters also said the toll was high. In Tarn, Labour "
        "opponents have said it is late.",
        ["Arden harbour voters", "Labour opponents"],
    ),
    (
        "an unnamed source with four modifiers; its determiner never before a comma",
        "The billionaire real estate magnate says the toll is high. Many days, former "
        "employees said, she stayed at the quay.",
        ["the billionaire real estate magnate", "former employees"],
    ),
    (
        "a time adjunct between the speaker and the cue (`today`, `this past week`, `on "
        "Thursday evening`, `in 2010`)",
        "Harbour traders today argue the toll is high. Anna Berg, the harbour chair, this past "
        "week announced the toll would rise. Port chief Ivo Marr on Thursday evening said it "
        "was fair. Tom Hale, who in 2010 said it was dear, left.",
        ["Harbour traders", "Anna Berg", "Ivo Marr", "Tom Hale"],
    ),
    (
        "`Another said`, `Most of them said` (not `Yet another state`: a noun)",
        "Two traders spoke. Another said the toll was high. Most of them said it was late. "
        "“Yet another state we won,” a trader wrote.",
        ["another", "most of them", "a trader"],
    ),
    (
        "a relative clause between the speaker and the cue (not `who called and said`)",
        "Lind and others who oppose the toll said the plan was bold. Traders who fought the "
        "quay for years say it is dear. Kell met a caller who called and said it was late.",
        ["Lind and others", "Traders", "a caller"],
    ),
]


@pytest.mark.parametrize(("case", "body", "speakers"), SPEAKERS, ids=[c[0] for c in SPEAKERS])
def test_speakers(extract, case, body, speakers):
    assert extract(body)["speaker"].tolist() == speakers


# (body, [(speaker, role, mention), ...])
ROLES_AND_MENTIONS = [
    (
        "Mayor Anna Berg said: “The bridge opens today.”",
        [("Anna Berg", "Mayor", "Mayor Anna Berg")],
    ),
    (
        "On Monday, Harbour Commissioner Lena Brandt said the boats can pass. “They will,” "
        "Brandt added.",
        [
            ("Lena Brandt", "Harbour Commissioner", "Harbour Commissioner Lena Brandt"),
            ("Lena Brandt", "Harbour Commissioner", "Brandt"),
        ],
    ),
    (
        "The town's chief engineer, Tom Hale, told reporters that the bridge is safe.",
        [("Tom Hale", "chief engineer", "Tom Hale")],
    ),
    (  # a party before a name is a label, not part of the name; an organisation keeps it
        "Democrat Ann Berg said the toll was unfair. The Republican National Committee said "
        "it was fair. “It is fair,” Republican Tom Hale said.",
        [
            ("Ann Berg", "Democrat", "Democrat Ann Berg"),
            ("Republican National Committee", "", "The Republican National Committee"),
            ("Tom Hale", "Republican", "Republican Tom Hale"),
        ],
    ),
    (  # capitalised words up to a role noun before a given name are the role
        "On Monday, Kestle Radio Ferry Insider Tom Hale reported that the pier would close.",
        [("Tom Hale", "Kestle Radio Ferry Insider", "Kestle Radio Ferry Insider Tom Hale")],
    ),
    (  # a name after a quotation, then a long apposition with commas of its own
        "“The plumes hold water,” study lead author Ana Berg, a scientist at the Goddard "
        "Center in Greenbelt, Maryland, and Arden University in Kestle, Ohio, said.",
        [("Ana Berg", "scientist", "Ana Berg")],
    ),
    (  # Mr. is a form of address, not a role
        "“It was the least bad outcome,” Mr. Morgan of the Harbour Club said.",
        [("Morgan", "", "Mr. Morgan of the Harbour Club")],
    ),
    (  # "farmer" is not one of our role nouns
        "“We lost half the harvest,” said Tom Berg, a farmer from the valley.",
        [("Tom Berg", "", "Tom Berg")],
    ),
    (
        "The operator, Westmarsh Ferries, warned that fuel costs had risen. According to the "
        "company, tickets cover half of the costs.",
        [("Westmarsh Ferries", "", "Westmarsh Ferries"), ("Westmarsh Ferries", "", "the company")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), ROLES_AND_MENTIONS)
def test_roles_and_mentions(extract, body, expected):
    df = extract(body)
    assert list(zip(df["speaker"], df["role"], df["mention"], strict=True)) == expected


def test_a_floating_quotation_has_no_cue_or_mention(extract):
    df = extract("“The bridge is safe,” Anna Berg said.\n\n“We checked it twice.”")
    floating = df.iloc[1]
    assert floating["mention"] is None and floating["cue"] == ""
    assert floating["cue_start"] is pd.NA and floating["mention_start"] is pd.NA


def test_a_quotation_over_two_paragraphs_belongs_to_the_first(extract):
    df = extract("Anna Berg said: “The bridge is safe.\n\n“We checked it twice.”")
    assert df["paragraph"].tolist() == [1]


def test_mentions_of_asides_and_descriptions(extract):
    df = extract("Anna Berg, 56, who has led the council since 2019, said the road is open.")
    assert df["mention"].tolist() == ["Anna Berg"]
    df = extract(
        "“The bridge will open in May,” said Clara Voss, a spokeswoman for the roads office.\n\n"
        "The spokeswoman added that the contractor was on schedule."
    )
    assert df["mention"].tolist() == ["Clara Voss", "The spokeswoman"]


# ---------------------------------------------------------------- every rejection, explained
# (body, the cue word, the reason it was rejected)
REJECTIONS = [
    (
        "When asked whether the bridge was safe, Anna Berg said it was.",
        "asked",
        reasons.CONTEXT_CLAUSE,
    ),
    ("The Say Yes Trust opened a new office in the harbour.", "Say", reasons.CAPITALISED),
    (
        "Berg declined to comment on the plan for the harbour.",
        "comment",
        reasons.NOUN_OR_INFINITIVE,
    ),
    (
        "The ferry runs in most coastal states that voted for the toll.",
        "states",
        reasons.NOUN_OR_INFINITIVE,
    ),
    ("Anna Berg never said the bridge was late.", "said", reasons.NEGATED),
    ("“At no point did we say the bridge was late,” Berg said.", "say", reasons.NEGATED),
    ("The mayor’s claim about the bridge was wrong.", "claim", reasons.POSSESSIVE),
    ("Anna Berg was told the bridge was late.", "told", reasons.PASSIVE),
    ("Berg would say nothing about the bridge.", "say", reasons.MODAL),
    (
        "on Monday, arguing that the bridge was late, the ferry sailed.",
        "arguing",
        reasons.PARTICIPLE_NO_SUBJECT,
    ),
    ("The ferry left without warning saying anything.", "saying", reasons.PARTICIPLE_NOT_ADJUNCT),
    ("Yesterday nobody said the bridge was late.", "said", reasons.NO_SPEAKER),
    ("Said Anna Berg the bridge was late.", "Said", reasons.INVERTED_NO_QUOTE),
    ("The story about Anna Berg said the bridge was late.", "said", reasons.AFTER_PREPOSITION),
    (
        "“Tom Hale came by and he said the bridge was late,” Anna Berg said.",
        "said",
        reasons.PRONOUN_IN_QUOTE,
    ),
    ("On Monday, bridge engineer said the bridge was late.", "said", reasons.BARE_NOUN),
    ("Nobody said the bridge was late.", "said", reasons.NEGATIVE_SUBJECT),
    (
        "“The bridge is late,” Anna Berg told reporters, the Harbour Times reports.",
        "reports",
        reasons.RELAY,
    ),
    ("Anna Berg said nothing.", "said", reasons.NO_CONTENT_RULE),
    ("The mayor called the police on Monday.", "called", reasons.NO_FRAME),
    ("Anna Berg said: .", "said", reasons.EMPTY_CONTENT),
    ("Anna Berg said: yes.", "said", reasons.ONE_WORD),
    ("The bridge opened, according to.", "according to", reasons.NO_SOURCE),
    ("Anna Berg said that ., and Tom Hale said the bridge was late.", "said", reasons.TRIMMED_AWAY),
    ("according to according to according to the minister.", "according to", reasons.OVERLAP),
]


@pytest.mark.parametrize(("body", "cue", "reason"), REJECTIONS, ids=[r[2] for r in REJECTIONS])
def test_every_rejection_has_its_reason(write_article, body, cue, reason):
    article = load_article(write_article("A Headline for the Test\n\n" + body + "\n"))
    rows = explain_records(article)
    rejected = [r for r in rows if r["cue"] == cue and r["decision"] == "rejected"]
    found = [r for r in rejected if r["reason"] == reason]
    assert found, [r["reason"] for r in rejected]
    assert found[0]["explanation"] == reasons.EXPLANATIONS[reason]
    assert found[0]["statement"] == "" and found[0]["speaker"] == ""


def test_the_rejection_table_covers_every_reason():
    named = {r for r in reasons.EXPLANATIONS if r not in (reasons.KEPT, reasons.KEPT_NESTED)}
    assert {r[2] for r in REJECTIONS} == named


def test_kept_candidates_name_their_statement(bundled):
    rows = explain_records(bundled)
    df = extract_statements(bundled)
    kept = [r for r in rows if r["decision"] == "kept"]
    cued = df[df["cue"] != ""]
    assert len(kept) == len(cued)
    assert {r["statement"] for r in kept} == set(cued["text"])
    assert all(r["stage"] == reasons.RECORD for r in kept)


def test_the_example_sentence_has_a_kept_and_a_rejected_cue(write_article):
    from helpers.statements import explain_statements
    from helpers.statements.explain import example_sentence

    article = load_article(
        write_article(
            "A Headline for the Test\n\nTom Hale said the road is open. Anna Berg was told "
            "the bridge was late, but she said that it was safe.\n"
        )
    )
    one = example_sentence(explain_statements(article))
    assert set(one["decision"]) == {"kept", "rejected"}
    assert one["sentence"].nunique() == 1 and one["sentence"].iloc[0].startswith("Anna Berg")
    assert example_sentence(explain_statements(article).iloc[0:0]).empty


@pytest.mark.parametrize(
    "body",
    [
        "“I know we are happy,” Leon Varga told Reed. “They sold it in 2014.” (Varga is an "
        "investor.)",
        "“Give me a big win,” Leon Varga said later. “Please.”",
    ],
    ids=["an aside in brackets after it", "one word in the same paragraph"],
)
def test_a_continuation_quote_after_the_cue_floats(extract, body):
    df = extract(body)
    assert df["cue"].tolist() == [df["cue"].iloc[0], ""]
    assert df["speaker"].tolist() == ["Leon Varga", "Leon Varga"]
