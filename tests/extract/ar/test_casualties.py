"""Killed and wounded figures in Arabic sentences (sentences written for these tests)."""

from __future__ import annotations

import pytest

from emberwatch.extract.ar.casualties import casualties_in
from emberwatch.models import Count
from emberwatch.text.arabic import tokens


def _figures(text: str) -> list[tuple[str, int | None, int | None, int | None, bool]]:
    return [(m.kind, m.count.low, m.count.best, m.count.high, m.perpetrator) for m in casualties_in(text, tokens(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أسفر الهجوم عن مقتل ما لا يقل عن 14 شخصا وإصابة 20 آخرين",
            [("killed", 14, 14, None, False), ("wounded", 20, 20, 20, False)],
        ),
        (
            "قتل ثلاثة جنود وأصيب خمسة وعشرون مدنيا",
            [("killed", 3, 3, 3, False), ("wounded", 25, 25, 25, False)],
        ),
        ("سقط ٣ قتلى و٥ جرحى في التفجير", [("killed", 3, 3, 3, False), ("wounded", 5, 5, 5, False)]),
        ("قتيلان وجريح في هجوم على حاجز", [("killed", 2, 2, 2, False), ("wounded", 1, 1, 1, False)]),
        ("مقتل جنديين وإصابة شرطي", [("killed", 2, 2, 2, False), ("wounded", 1, 1, 1, False)]),
        ("مقتل جنديين وثلاثة مدنيين", [("killed", 5, 5, 5, False)]),
        # kidnappers killed are the attackers' dead, not victims
        ("وقتلوا أربعة من الخاطفين وضبطوا ست دراجات نارية", [("killed", 4, 4, 4, True)]),
        # a second figure joined with و is more of the same toll, whatever noun it counts (not "ومدني واحد")
        ("قتل تسعة جنود وأربعة من المساعدين المدنيين للجيش", [("killed", 13, 13, 13, False)]),
        ("قتل تسعة من عناصر الحرس الوطني ومدني واحد", [("killed", 10, 10, 10, False)]),
        # "that one of the raiding force's members was wounded"; not "one of the gunmen killed a soldier"
        ("وذكر أن أحد عناصر القوة المداهمة أصيب خلال الاشتباك", [("wounded", 1, 1, 1, False)]),
        ("وقال إن أحد المسلحين قتل جنديا", [("killed", 1, 1, 1, False)]),
        # "met their death": the people come before the noun
        ("لقي جنديان سوريان حتفهما وأصيب أربعة آخرون", [("killed", 2, 2, 2, False), ("wounded", 4, 4, 4, False)]),
        ("لقي جندي حتفه في الانفجار", [("killed", 1, 1, 1, False)]),
        ("لقي مدنيان مصرعهما", [("killed", 2, 2, 2, False)]),
        ("لقي خمسة أشخاص مصرعهم", [("killed", 5, 5, 5, False)]),
        # "and wounded a fourth", "wounded another"
        ("قتل مسلحون ثلاثة حراس وأصابوا رابعاً", [("killed", 3, 3, 3, False), ("wounded", 1, 1, 1, False)]),
        ("وأصيب آخر بجروح", [("wounded", 1, 1, 1, False)]),
        # "beheaded three men"
        ("قطع مسلحون رؤوس ثلاثة رجال", [("killed", 3, 3, 3, False)]),
        ("وقتل ثلاثة من المهاجمين", [("killed", 3, 3, 3, True)]),
        ("مقتل الانتحاري وأربعة عشر مدنيا", [("killed", 1, 1, 1, True), ("killed", 14, 14, 14, False)]),
        ("مقتل نحو 30 شخصا", [("killed", None, 30, None, False)]),
        ("أكثر من 10 قتلى", [("killed", 11, 11, None, False)]),
        ("قتل 7 أشخاص على الأقل", [("killed", 7, 7, None, False)]),
        ("لقي خمسة أشخاص حتفهم", [("killed", 5, 5, 5, False)]),
        ("سقوط عشرات القتلى", [("killed", 24, 36, 99, False)]),
        ("أصيب العشرات بجروح", [("wounded", 24, 36, 99, False)]),
        ("أودى الانفجار بحياة أربعة أطفال", [("killed", 4, 4, 4, False)]),
        ("سقوط 3 صواريخ على القاعدة", []),
        ("هاجم مسلحون الحاجز فقتلوا حارسين", [("killed", 2, 2, 2, False)]),
        ("وقالت القوات إنها قتلت مسلحا", [("killed", 1, 1, 1, True)]),
        ("مقتل شخص وإصابة 16 آخرين في هجوم انتحاري", [("killed", 1, 1, 1, False), ("wounded", 16, 16, 16, False)]),
        # "three days ago" counts nobody; the mukhtar, the verb's object after its subject, is one
        ("اغتال مسلحون مختار قرية قبل ثلاثة أيام", [("killed", 1, 1, 1, False)]),
        ("قتل جندي على بعد 40 كلم من المدينة عام 2019", [("killed", 1, 1, 1, False)]),
        ("مقتل اثنين من عناصر التنظيم", [("killed", 2, 2, 2, True)]),
        ("في عام 2019 قتل شخص", [("killed", 1, 1, 1, False)]),
        ("بعد هجوم على قرية قتل فيه شخصان", [("killed", 2, 2, 2, False)]),
        # a time phrase between the verb and the people; duals of more nouns of people
        ("قتل قبل أسبوعين مدرسان يعملان في مدارس الإدارة", [("killed", 2, 2, 2, False)]),
        ("أصيب أمس مسعفان بجروح", [("wounded", 2, 2, 2, False)]),
        ("قتل مساء الخميس طبيبان", [("killed", 2, 2, 2, False)]),
        ("وقتل خلال العملية عنصران من التنظيم حاولا المقاومة", [("killed", 2, 2, 2, True)]),
        ("انفجار أصيب خلاله جندي", [("wounded", 1, 1, 1, False)]),
        ("قرية قتل فيها عدد من السكان", [("killed", 3, 3, 9, False)]),
        ("أطلق مسلحون النار على مختار القرية فأردوه قتيلاً", [("killed", 1, 1, 1, False)]),
        ("سقط حارس المبنى جريحاً", [("wounded", 1, 1, 1, False)]),
        ("قتل جندي يوم الاثنين", [("killed", 1, 1, 1, False)]),
        ("أصيب شرطيان بانفجار عبوة لاصقة", [("wounded", 2, 2, 2, False)]),
        ("قتل مدنيان في القصف", [("killed", 2, 2, 2, False)]),
        ("قتل مدنيين في القصف", []),
        ("هاجموا القرية مساء الاثنين فأردوا الحارس قتيلاً", [("killed", 1, 1, 1, False)]),
        # verb first, long subject, then the figure (VSO)
        ("أعدم مسلحو جماعة متطرفة في الريف الغربي الشهر الماضي ستة رعاة", [("killed", 6, 6, 6, False)]),
        ("أصاب قصف مدفعي عنيف للقوات الحكومية ليلة أمس سبعة مدنيين", [("wounded", 7, 7, 7, False)]),
        # a day of the month counts nobody
        ("قتل مسلحون مجهولون ثلاثة شرطيين في هجوم وقع في 20 شباط", [("killed", 3, 3, 3, False)]),
        ("أصيب جندي في انفجار وقع في 12 آذار", [("wounded", 1, 1, 1, False)]),
        # every person noun counts one in the singular; the subject of an active killing verb is skipped
        ("ما أسفر عن مقتل حارس أمن وإصابة اثنين آخرين", [("killed", 1, 1, 1, False), ("wounded", 2, 2, 2, False)]),
        ("اغتال مسلحون يوم الاثنين عضواً في مجلس القضاء", [("killed", 1, 1, 1, False)]),
        ("أعدم مسلحون مجهولون شاباً", [("killed", 1, 1, 1, False)]),
        # one more person joined by و: "a businessman and his bodyguard", "two soldiers and a civilian"
        ("قتل رجل أعمال وحارسه الشخصي برصاص مسلحين", [("killed", 2, 2, 2, False)]),
        # over two modifiers of the first person: "a second bodyguard and a civilian were wounded"
        ("وأصيب حارس شخصي ثانٍ ومدني بجروح", [("wounded", 2, 2, 2, False)]),
        # "one civilian": the number word counts the noun, it adds nobody
        ("وقتل مدني واحد في القصف", [("killed", 1, 1, 1, False)]),
        # duals of nisba nouns: "two other villagers were wounded"
        ("وأصيب قرويان آخران بالرصاص أثناء فرارهما", [("wounded", 2, 2, 2, False)]),
        # the people before their dual verb: "that two (Tunisian) soldiers were killed"
        ("إن مدنيين اثنين قتلا وأصيب 5 آخرون", [("killed", 2, 2, 2, False), ("wounded", 5, 5, 5, False)]),
        ("أعلنت الوزارة أن جنديين تونسيين قُتلا في الانفجار", [("killed", 2, 2, 2, False)]),
        # "the two dead were a woman and her son": told already, not two more
        ("مبيناً أن القتيلين امرأة وابنها المراهق", []),
        # a figure, then one more person joined with و: three policemen and a civilian driver
        ("ما أسفر عن مقتل ثلاثة من رجال الشرطة وسائق مدني", [("killed", 4, 4, 4, False)]),
        ("مقتل حارسين وفني وإصابة 4 أشخاص آخرين", [("killed", 3, 3, 3, False), ("wounded", 4, 4, 4, False)]),
        # one person with a possessive suffix: "and wounded his driver / his son"
        ("اغتال مسلحون عضواً في المجلس، وأصابوا سائقه بجروح",
         [("killed", 1, 1, 1, False), ("wounded", 1, 1, 1, False)]),
        # "gunmen shot dead a village mukhtar": قتل is active with the weapon and a person after its subject
        ("قتل مسلحون بالرصاص مختار قرية قرب خانقين، وأصابوا نجله",
         [("killed", 1, 1, 1, False), ("wounded", 1, 1, 1, False)]),
        ("قتل مسلحون بالرصاص في اشتباك مع الجيش", []),
        # a person in the accusative after the subject: قتل is active ("a suicide bomber killed a policeman")
        ("قتل انتحاري شرطياً ومدنيين اثنين", [("killed", 3, 3, 3, False)]),
        # "and killed one of them"
        ("خطف مسلحون ستة عمال وقتلوا أحدهم", [("killed", 1, 1, 1, False)]),
        ("ما أسفر عن مقتل جنديين ومدني وإصابة ستة أشخاص", [("killed", 3, 3, 3, False), ("wounded", 6, 6, 6, False)]),
        # "abducted nine civilians and killed a young man": the nine are not the dead
        ("خطف مسلحون تسعة مدنيين وقتلوا شاباً حاول المقاومة", [("killed", 1, 1, 1, False)]),
        # a passive reading of "قتل": militants were killed, no object to count
        ("قتل مسلحون في اشتباك مع الجيش", []),
        # "two other men escaped wounded": the dual before the state word, once
        ("فيما تمكن رجلان آخران من الفرار مصابين بجروح", [("wounded", 2, 2, 2, False)]),
        ("أصيب جنديان ونقلا مصابين إلى المستشفى", [("wounded", 2, 2, 2, False)]),
        ("نقل ثلاثة أشخاص مصابين إلى المستشفى", [("wounded", 3, 3, 3, False)]),
        # "one of the passers-by was wounded"
        ("وقال ضابط إن أحد المارة أصيب في إطلاق النار", [("wounded", 1, 1, 1, False)]),
        # a figure before a weekday: "three wounded on Friday", not "three days"
        ("قُتل 11 مصليا وأصيب ثلاثة يوم الجمعة", [("killed", 11, 11, 11, False), ("wounded", 3, 3, 3, False)]),
        ("قُتل 11 مصليا على الأقل وأُصيب العشرات يوم الجمعة",
         [("killed", 11, 11, None, False), ("wounded", 24, 36, 99, False)]),
        # a head and a judge are people; a person in the accusative after a short phrase
        ("قتل مسلحون مجهولون رئيس مجلس قرية وأصابوا نجله", [("killed", 1, 1, 1, False), ("wounded", 1, 1, 1, False)]),
        ("قتل مسلحون على دراجة نارية قاضيا أثناء خروجه من المحكمة", [("killed", 1, 1, 1, False)]),
        # the dual of a noun with ta marbuta ("two women"); "one" before a verb opening a new clause
        ("ما أسفر عن مقتل طفل وامرأتين وإصابة تسعة أشخاص", [("killed", 3, 3, 3, False), ("wounded", 9, 9, 9, False)]),
        ("قُتل مزارع واحد وأصيب اثنان في الهجوم", [("killed", 1, 1, 1, False), ("wounded", 2, 2, 2, False)]),
        ("اغتيل ضابط في الاستخبارات وأصيب طفل", [("killed", 1, 1, 1, False), ("wounded", 1, 1, 1, False)]),
        # "two of the wounded died": two dead, not two more wounded (the event keeps its largest figure, nine);
        # "died" (توفي) and a nominative ordinal
        ("ارتفعت حصيلة القتلى إلى تسعة، بعد وفاة اثنين من الجرحى",
         [("killed", 9, 9, 9, False), ("killed", 2, 2, 2, False)]),
        ("توفي شرطي متأثرا بجراحه", [("killed", 1, 1, 1, False)]),
        ("قُتل مدنيان وأُصيب ثالث", [("killed", 2, 2, 2, False), ("wounded", 1, 1, 1, False)]),
    ],
)
def test_casualties_figures(text: str, expected: list[tuple[str, int | None, int | None, int | None, bool]]) -> None:
    assert sorted(_figures(text), key=lambda f: (f[0], f[4], f[1] or 0)) == sorted(
        expected, key=lambda f: (f[0], f[4], f[1] or 0)
    )


def test_casualties_evidence_points_into_text() -> None:
    prefix = "قال مسؤول محلي إن "
    text = prefix + "الهجوم أسفر عن مقتل ١٤ جندياً"
    toks = tokens(text)
    (mention,) = casualties_in(text, toks)
    assert mention.count == Count(low=14, best=14, high=14)
    assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text == "مقتل ١٤ جندياً"


def test_casualties_codebook_perpetrator_words() -> None:
    text = "مقتل أربعة من الخوارج"
    assert _figures(text) == [("killed", 4, 4, 4, False)]
    mention = casualties_in(text, tokens(text), frozenset({"الخوارج"}))[0]
    assert mention.perpetrator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person named before a singular passive verb, after "إن" / "أن"
        ("وقال المسؤول إن حارساً ثانياً أُصيب بجروح في الهجوم.", [("wounded", 1)]),
        ("وقال إن جندياً آخر أصيب بجروح.", [("wounded", 1)]),
        ("وذكرت الشرطة أن مدنياً قُتل وأصيب ثلاثة آخرون.", [("killed", 1), ("wounded", 3)]),
        # not an active verb with its object after it
        ("وقال إن مسلحاً قتل جندياً.", [("killed", 1)]),
        # the dual's fate over an apposition
        ("لقي مدنيان، أحدهما طفل، حتفهما وأصيب أربعة آخرون.", [("killed", 2), ("wounded", 4)]),
        # a dual the writer vocalised, where the bare letters could be a plural
        ("وأضاف أن مزارعَين آخرَين نجوا مصابين بجروح.", [("wounded", 2)]),
        ("وأضاف أن مزارعين آخرين نجوا مصابين بجروح.", []),
        # "met their death" after the figure, over "at least" and an apposition of a part of it
        ("لقي سبعة أشخاص على الأقل، بينهم ثلاثة أطفال، حتفهم يوم الثلاثاء.", [("killed", 7)]),
        # one more person joined with و after the figure's own words, not after a comma (the speaker)
        ("قُتل تسعة من عناصر الحرس الوطني في النيجر ومدني واحد.", [("killed", 10)]),
        ("أسفر القصف عن مقتل خمسة مدنيين وإصابة 12 آخرين، بحسب ما أفادت مصادر عسكرية ومسؤول محلي.",
         [("killed", 5), ("wounded", 12)]),
        # family members after a casualty verb; "one of" before a singular passive three words on
        ("فيما أُصيبت زوجة المختار بجروح في ذراعها.", [("wounded", 1)]),
        ("وقالت قسد إن أحد المشتبه بهم قُتل بعدما أطلق النار على القوة المداهمة.", [("killed", 1)]),
        # an age is no count; a vendor is a person
        ("وأسفر الهجوم عن مقتل بائع طعام وصبي في الثانية عشرة من عمره.", [("killed", 2)]),
        # "the head of" one person after a verb of cutting
        ("أقدم مسلحون أمس على قطع رأس راعٍ مراهق في جبل قريب.", [("killed", 1)]),
        # "another number of" people: several
        ("وأضاف أن عدداً آخر من الأشخاص أصيبوا بجروح.", [("wounded", 3)]),
        # seventeenth session: a vehicle's load is no casualty figure; "no fewer than" is no verb of carrying
        ("وأضاف أن الانفجار أصاب شاحنة صغيرة كانت تقلّ خمسة مقاتلين.", []),
        ("أسفر الانفجار عن مقتل ما لا يقل عن ستة أشخاص.", [("killed", 6)]),
        # the head of a local council counts after the noun of killing, a head of state's body does not
        ("أقدم مسلحون على اغتيال رئيس مجلس مدني محلي.", [("killed", 1)]),
        ("وتعود الخلافات إلى اغتيال رئيس مجلس الوزراء الأسبق.", []),
        # a person and a relative clause before the singular passive verb
        ("وأوضح البيان أن مرافقاً كان برفقته أصيب بجروح.", [("wounded", 1)]),
        # "at least" between the figure and its passive verb
        ("وقال مسؤول إن ثلاثة عشر شخصاً آخرين على الأقل أصيبوا بجروح.", [("wounded", 13)]),
        # "in one of the hospitals" is a place, not a person
        ("إثر وفاة اثنين من الجرحى في أحد مستشفيات حلب.", [("killed", 2)]),
        # "dozens of council members": the figure's words reach over "of" to the cue of a period after them
        ("وقُتل العشرات من أعضاء المجالس.", [("killed", 36)]),
        # the wounded under treatment; two of the detainees wounded; a dual verb of wounding and one person
        ("فيما يتلقى أربعة جنود آخرون العلاج من إصابات بشظايا.", [("wounded", 4)]),
        ("وقال ضابط إن اثنين من الموقوفين مصابان أيضاً بطلقات نارية.", [("wounded", 2)]),
        ("فأردياه قتيلاً على الفور وأصابا ابن شقيقه الذي كان برفقته.", [("killed", 1), ("wounded", 1)]),
        # the verb reaches its figure over a long subject and a time phrase
        ('قتل متمردون من "القوات الديمقراطية المتحالفة" في وقت مبكر من صباح يوم الثلاثاء 11 مدنياً على الأقل.',
         [("killed", 11)]),
        # "hundreds of thousands"
        ("وأودت الحرب بحياة مئات الآلاف.", [("killed", 200000)]),
        # a vocalised dual after the noun of killing; a conscript is a person
        ("ما أدى إلى مقتل مقاتلَين وإصابة ثالث.", [("killed", 2), ("wounded", 1)]),
        ("وأُصيب مجند في الشرطة ونُقل إلى المستشفى.", [("wounded", 1)]),
        # the person after "shot dead" with the weapon between
        ("وقتلوا بالرصاص عنصرين من مجموعة دفاع ذاتي مدنية.", [("killed", 2)]),
        # houses burned by another verb are not the killing verb's figure
        ("اقتحم مسلحون قرية، فقتلوا رجلا بالرصاص وأضرموا النار في سبعة منازل على الأقل.", [("killed", 1)]),
        # "the four wounded were two guards and two technicians": a known toll told again
        ("والجرحى الأربعة هم حارسان وفنيّان كانا نائمين في مبنى قريب.", []),
        # a person and a three-word relative clause before the singular passive verb
        ("وأضاف أن مرافقا كان يسير معه أصيب في كتفه ونُقل إلى مستشفى المنطقة.", [("wounded", 1)]),
        # twenty-first session: the victim after a dual subject and a clause on how they came
        ("قتل مسلحان يستقلان دراجة نارية مسؤولا رفيعا في الاستخبارات بالرصاص أمام مسجد.", [("killed", 1)]),
        ("قتل مسلحون يستقلون سيارة قاضيا أمام منزله.", [("killed", 1)]),
        # the two heads of two shepherds; the pronoun that opens who the counted people were adds no one
        ("أقدم التنظيم على قطع رأسي راعيين كان قد خطفهما.", [("killed", 2)]),
        ("وقتلوا ثلاثة أشخاص هم شرطي ومدنيان.", [("killed", 3)]),
        # over the group the attackers are of, a manner and a time, to the victims
        ("أعدم مسلحون من تنظيم الدولة الإسلامية رميا بالرصاص أمس رجلين أمام حشد من سكان قرية.", [("killed", 2)]),
        # twenty-second session: a flock counted by the head is no casualty figure
        ("قُتل مزارع بالرصاص واقتيد قطيعه المؤلف من نحو 150 رأسا من الماعز.", [("killed", 1)]),
        # "the number of the dead and wounded together": neither a death toll nor a count of the wounded
        ("وقدّر التنظيم في بيانه عدد القتلى والجرحى بنحو 35.", []),
        # one person of a body ("a soldier of the special forces") before the singular passive verb
        ("وذكر البيان أن جنديا من القوات الخاصة أصيب في الاشتباك.", [("wounded", 1)]),
        # the dual after the riders' phrase and the weapon: "two gunmen on a motorcycle shot dead two guards"
        ("قتل مسلحان على متن دراجة نارية بالرصاص حارسين أمام مصرف.", [("killed", 2)]),
        # one person treated, a relative clause on him between the verb and "العلاج"
        ("وتلقى رجل نجا من الهجوم العلاج في مستشفى الحويجة من جروح في ساقه.", [("wounded", 1)]),
        ("وتلقت امرأة تمكنت من الهرب العلاج في مستشفى المدينة من حروق.", [("wounded", 1)]),
        # "and one of his guards" after the person killed: one more ("شيخ عشيرة وأحد حراسه")
        ("قتل مسلحون مجهولون شيخ عشيرة وأحد حراسه قرب منزله أمس.", [("killed", 2)]),
        # twenty-third session: a boy (فتى) is a person; an age is no figure, but the figure of the next clause is
        ("ما أسفر عن مقتل فتى في الخامسة عشرة من عمره وإصابة خمسة أشخاص.", [("killed", 1), ("wounded", 5)]),
        # a shop owner ("صاحب متجر") killed
        ("ففي 11 يونيو قتل مسلحون بالرصاص صاحب متجر في بلدة ساحلية.", [("killed", 1)]),
        # the bodies of two ("جثتي", the dual of "جثة") found
        ("وعثر سكان يوم الاثنين على جثتي اثنين من العمال قرب قرية.", [("killed", 2)]),
    ],
)
def test_casualties_kinds_and_counts(text: str, expected: list[tuple[str, int]]) -> None:
    """Subjects before their verbs, duals, fates after appositions, lists, family members, ages, heads cut."""
    assert [(kind, best) for kind, _low, best, _high, _perp in _figures(text)] == expected
