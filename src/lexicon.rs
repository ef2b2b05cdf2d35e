//! The vocabulary the rules read: general English reporting words, never
//! names of people, outlets or places.
//!
//! Every list is a [`WordSet`] of folded words (see [`crate::text::fold`]:
//! lower case, ASCII apostrophes and hyphens, no periods), written as one
//! whitespace-separated string so the lists stay easy to read and edit.
//! Each set is built into a hash table the first time it is used.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A set of folded words, built on first use.
pub struct WordSet {
    words: &'static str,
    set: OnceLock<Lookup>,
    list: OnceLock<Vec<&'static str>>,
}

/// A [`WordSet`] built for look-ups: the words, and for each first
/// byte a bit per word length (lengths from 31 up share the last bit)
/// saying whether some word of the set has that first byte and length.
/// Most words looked up are in no set, and the bits turn most of them
/// away without hashing them (issue #5).
struct Lookup {
    set: WordMap<()>,
    shapes: Box<[u32; 256]>,
}

impl Lookup {
    fn new(words: &'static str) -> Lookup {
        Lookup::of(words.split_whitespace())
    }

    fn of(words: impl IntoIterator<Item = &'static str>) -> Lookup {
        let mut set = WordMap::default();
        let mut shapes = Box::new([0u32; 256]);
        for w in words {
            set.entry(w);
            shapes[usize::from(w.as_bytes()[0])] |= Lookup::length_bit(w);
        }
        Lookup { set, shapes }
    }

    fn length_bit(w: &str) -> u32 {
        1 << w.len().min(31)
    }

    fn contains(&self, w: &str) -> bool {
        let Some(&first) = w.as_bytes().first() else { return false };
        self.shapes[usize::from(first)] & Lookup::length_bit(w) != 0 && self.set.get(w).is_some()
    }
}

/// Words mapped to values: a word of up to 16 bytes by its [`packed`]
/// form, which is hashed and compared as one number (issue #5: hashing a
/// word's bytes and comparing them with `memcmp` took some 100
/// instructions a look-up), and the few longer words by their text.
struct WordMap<V> {
    short: HashMap<u128, V, BuildHasherDefault<PackedHasher>>,
    long: HashMap<&'static str, V, BuildHasherDefault<WordHasher>>,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap { short: HashMap::default(), long: HashMap::default() }
    }
}

impl<V: Default> WordMap<V> {
    /// The value of `w`, added as the default if `w` is not there yet.
    fn entry(&mut self, w: &'static str) -> &mut V {
        match packed(w.as_bytes()) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(w).or_default(),
        }
    }

    fn get(&self, w: &str) -> Option<&V> {
        match packed(w.as_bytes()) {
            Some(key) => self.short.get(&key),
            None => self.long.get(w),
        }
    }
}

/// A fast hasher for short words (the multiply-rotate step of rustc's
/// FxHash, eight bytes at a time). The sets hold fixed English words, not
/// attacker-chosen keys, so SipHash's protection against flooding buys
/// nothing here, and it was a tenth of the profile (issue #5).
#[derive(Clone, Copy, Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        // The last bytes as a little-endian number, as if padded with
        // zeros to eight: built byte by byte, since copying a slice of
        // unknown length was a call to `memcpy` for every word looked up
        // (issue #5).
        let rest = chunks.remainder();
        let tail = rest.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
        self.0 = (self.0.rotate_left(5) ^ tail ^ rest.len() as u64).wrapping_mul(K);
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }

    fn finish(&self) -> u64 {
        // Mix the high bits down: hashbrown takes its bucket from the low
        // bits and its tag from the top seven.
        self.0 ^ (self.0 >> 29)
    }
}

impl WordSet {
    /// A set of the whitespace-separated `words`.
    pub const fn new(words: &'static str) -> WordSet {
        WordSet { words, set: OnceLock::new(), list: OnceLock::new() }
    }

    /// Whether the folded word `w` is in the set.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| Lookup::new(self.words)).contains(w)
    }

    /// Whether some word of the set is a prefix of `w` (or `w` itself):
    /// what `self.iter().any(|s| w.starts_with(s))` answers.
    ///
    /// Only the prefixes of `w` as long as some word of the set with its
    /// first byte are looked up, instead of comparing `w` with every word:
    /// most words share no first byte and length with any, and a scan of
    /// some forty share words cost 740 instructions a line (issue #5).
    pub fn has_prefix_of(&self, w: &str) -> bool {
        let lookup = self.set.get_or_init(|| Lookup::new(self.words));
        let Some(&first) = w.as_bytes().first() else { return false };
        let lengths = lookup.shapes[usize::from(first)];
        // Lengths from 31 up share a bit: scan the words for those.
        if lengths & (1 << 31) != 0 {
            return self.iter().any(|s| w.starts_with(s));
        }
        // The lengths of the words with that first byte, up to `w`'s.
        let fit = if w.len() >= 31 { u32::MAX >> 1 } else { (1u32 << (w.len() + 1)) - 1 };
        let mut lengths = lengths & fit;
        while lengths != 0 {
            let n = lengths.trailing_zeros() as usize;
            lengths &= lengths - 1;
            if w.is_char_boundary(n) && lookup.set.get(&w[..n]).is_some() {
                return true;
            }
        }
        false
    }

    /// The words, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list().iter().copied()
    }

    /// The words, in the order written, split once on first use.
    pub fn list(&self) -> &[&'static str] {
        self.list.get_or_init(|| self.words.split_whitespace().collect())
    }
}

/// A list of multi-word phrases, one per line, built on first use.
pub struct PhraseSet {
    lines: &'static str,
    parsed: OnceLock<Vec<Vec<&'static str>>>,
    joined: OnceLock<Vec<String>>,
    firsts: OnceLock<Lookup>,
    first_bytes: OnceLock<[bool; 256]>,
}

impl PhraseSet {
    /// A list of the phrases on the lines of `lines`.
    pub const fn new(lines: &'static str) -> PhraseSet {
        PhraseSet {
            lines,
            parsed: OnceLock::new(),
            joined: OnceLock::new(),
            firsts: OnceLock::new(),
            first_bytes: OnceLock::new(),
        }
    }

    /// Whether some phrase starts with the byte `b`: text that starts
    /// with any other byte starts with none of them.
    pub fn may_start_with_byte(&self, b: u8) -> bool {
        self.first_bytes.get_or_init(|| {
            let mut table = [false; 256];
            for p in self.joined() {
                if let Some(&first) = p.as_bytes().first() {
                    table[usize::from(first)] = true;
                }
            }
            table
        })[usize::from(b)]
    }

    /// Whether some phrase starts with the folded word `w`: one look-up
    /// that rules out most words before the phrases are compared.
    pub fn starts_with_word(&self, w: &str) -> bool {
        self.firsts.get_or_init(|| Lookup::of(self.phrases().iter().map(|p| p[0]))).contains(w)
    }

    /// The phrases, each with its words joined by single spaces, in the
    /// order of [`PhraseSet::phrases`].
    pub fn joined(&self) -> &[String] {
        self.joined.get_or_init(|| self.phrases().iter().map(|p| p.join(" ")).collect())
    }

    /// The phrases, each split into words.
    pub fn phrases(&self) -> &[Vec<&'static str>] {
        self.parsed.get_or_init(|| {
            self.lines
                .lines()
                .map(|l| l.split_whitespace().collect())
                .filter(|p: &Vec<_>| !p.is_empty())
                .collect()
        })
    }
}

/// Function words that are capitalized only because they start a
/// sentence, and other capitalized words that never start a name (days,
/// months, captions' "Photo").
pub static FUNCTION_WORDS: WordSet = WordSet::new(
    "the a an this that these those he she it they we i you his her its their our my your
     in on at for but and or as after before earlier later meanwhile however according despite
     amid during while when if although though since because there here then also additionally
     moreover furthermore yet so to from with by of about over under what who which where why
     how all some many most no not one two three several both each every another other last
     next first days weeks months years today yesterday tomorrow now still instead indeed even
     only just related back leave read more edited photo image file monday tuesday wednesday
     thursday friday
     saturday sunday january february march april may june july august september october
     november december",
);

/// Prepositions: a mention right after one is not a subject.
pub static PREPOSITIONS: WordSet = WordSet::new(
    "in on at by for with from to of about against after before under over between among into
     through during without within toward towards via per like than including near amid despite
     since until upon behind beyond across around whom",
);

/// Words of titles and roles written before a name (Prime Minister,
/// Brigadier, Secretary-General).
pub static TITLE_WORDS: WordSet = WordSet::new(
    "prime minister president brigadier general gen major maj secretary-general secretary foreign
     defense defence interior sheikh shaikh ayatollah grand dr colonel col lieutenant lt commander
     spokesman spokeswoman spokesperson king queen prince princess emir senator sen governor gov
     mayor pope chancellor judge justice imam cleric chief deputy vice ambassador envoy leader
     chairman chairwoman representative rep admiral adm captain capt sergeant sgt marshal lord
     sir dame rev reverend bishop archbishop cardinal rabbi mufti mullah professor prof director
     ceo premier speaker mp pm officer head founder minister-president mr mrs ms mx sheriff",
);

/// Words that open a subordinate clause at the start of a sentence:
/// `When she arrived, X said …`.
pub static SUBORDINATORS: WordSet = WordSet::new(
    "when as after before while although though if because since once until unless whereas",
);

/// Honorifics: titles that give no role, only (for some) a gender.
pub static HONORIFICS: WordSet = WordSet::new("mr mrs ms mx");

/// Honorifics and titles that say a person is a man: `Mr.`, `Sir`,
/// `spokesman`. (Not `Sheikh`: it is also part of women's names.)
pub static MALE_WORDS: WordSet =
    WordSet::new("mr sir lord king prince spokesman chairman congressman councilman businessman");

/// Honorifics and titles that say a person is a woman: `Ms.`, `Dame`,
/// `spokeswoman`.
pub static FEMALE_WORDS: WordSet = WordSet::new(
    "mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman councilwoman
     businesswoman",
);

/// Words that make a name an organisation.
pub static ORG_WORDS: WordSet = WordSet::new(
    "united command ministry movement resistance party agency council committee forces force army
     government office department brigades brigade units unit front organization organisation
     group union association court parliament assembly mobilization mobilisation coalition
     company inc corp ltd times news post press center centre institute university foundation
     commission service services police guard guards corps navy authority embassy house network
     tv television radio newspaper federation alliance league axis battalion battalions militia
     state republic kingdom nations administration cabinet senate congress
     pentagon",
);

/// Words that make a name a place.
pub static PLACE_WORDS: WordSet = WordSet::new(
    "strip airport sea river gulf island islands mountains valley province region city street
     square desert peninsula ocean east west north south bay lake county district border base
     camp heights bank",
);

/// Particles that join the parts of a person's name (Omar bin Ali,
/// Ludwig van Beethoven).
pub static NAME_PARTICLES: WordSet = WordSet::new(
    "al bin ibn bint de del della van von der den da di du la le abu el dos das los las ter ten",
);

/// Nouns that head a description of a person (the PM, the cleric, the
/// opposition figure).
pub static PERSON_NOUNS: WordSet = WordSet::new(
    "leader cleric minister premier pm president spokesperson spokesman spokeswoman official
     commander general secretary secretary-general chief figure analyst envoy ambassador diplomat
     lawmaker legislator mp senator governor mayor officer head director chairman chairwoman
     founder expert researcher professor activist militant imam sheikh king prince emir monarch
     ruler politician candidate lawyer attorney judge prosecutor witness resident doctor
     journalist reporter editor ceo executive negotiator mediator veteran soldier fighter colonel
     brigadier strongman dissident representative deputy adviser advisor aide mufti ayatollah
     preacher scholar man woman critic nurse economist historian author commentator teacher
     student farmer worker organizer organiser campaigner protester chair manager coach owner
     scientist physician surgeon priest pastor paramedic firefighter defender striker midfielder
     goalkeeper winger player captain teenager boy girl mother father son daughter wife husband
     widow widower brother sister parent uncle aunt cousin friend neighbour neighbor victim
     survivor pensioner passenger driver landlord tenant customer voter volunteer relative guard
     forward quarterback pitcher bowler batsman jockey cyclist sprinter swimmer dad mum mom
     grandmother grandfather grandson granddaughter nephew niece partner boyfriend girlfriend
     fan shopper commuter motorist pupil strategist sheriff vendor bystander patient skipper
     trader investor banker",
);

/// Nationalities that stand for a person after "the": "the German
/// said", "the Dutchman". (Not "the Dutch", which are a people.)
pub static DEMONYMS: WordSet = WordSet::new(
    "american argentine argentinian australian austrian belgian brazilian briton bulgarian
     canadian chilean chinese colombian croat croatian czech dane egyptian englishman
     frenchman dutchman irishman scotsman welshman scot finn frenchwoman dutchwoman
     englishwoman german ghanaian greek hungarian indian indonesian iranian iraqi israeli
     italian japanese jordanian kenyan korean lebanese mexican moroccan nigerian norwegian
     pakistani palestinian peruvian pole portuguese romanian russian saudi senegalese serb
     serbian slovak slovenian spaniard swede swiss syrian turk tunisian ukrainian uruguayan
     venezuelan",
);

/// Nouns that head a description of a body (the group, the ministry).
pub static BODY_NOUNS: WordSet = WordSet::new(
    "group movement militia ministry government army military coalition organisation
     organization agency command office faction party alliance embassy administration council
     committee authority authorities force company firm union association federation family
     department palace body bureau commission board institute bank university college school
     hospital county club team regulator parliament police",
);

/// Body nouns that stand for a body with no determiner before a cue:
/// `police said`, `authorities said`.
pub static PLURAL_BODY_NOUNS: WordSet = WordSet::new("police authorities");

/// Plural source nouns that speak with no determiner before a cue
/// (`officials said`) and after `one of the` (`one of the sources said`).
pub static PLURAL_SOURCE_NOUNS: WordSet = WordSet::new("officials sources");

/// Body nouns that refer back to whichever organisation is in focus (the
/// group, the movement); the others (the ministry, the army) name a kind
/// of body.
pub static GENERIC_BODY_NOUNS: WordSet = WordSet::new(
    "group movement militia organisation organization faction party alliance coalition agency
     company firm body",
);

/// Plural nouns for unnamed groups of people, who speak together: "the
/// authors write", "the researchers said". Each names an unnamed source
/// of its own, not the person in focus.
pub static GROUP_NOUNS: WordSet = WordSet::new(
    "authors researchers scientists doctors witnesses residents experts analysts lawyers
     attorneys prosecutors investigators activists protesters campaigners organisers
     organizers teachers nurses relatives neighbours neighbors survivors victims students
     parents critics economists diplomats employees workers members deputies troopers
     firefighters rescuers medics paramedics soldiers",
);

/// Nouns for unnamed sources.
pub static SOURCE_NOUNS: WordSet = WordSet::new("source sources insider insiders officials");

/// Nouns for documents that speak for their issuer (the statement said).
pub static DOCUMENT_NOUNS: WordSet = WordSet::new(
    "statement communique communiqué announcement release letter message post tweet video
     declaration notice bulletin report memo memorandum indictment complaint lawsuit judgment
     study survey transcript affidavit filing motion email e-mail",
);

/// Documents quoted as themselves, not as the voice of whoever issued
/// them: "the indictment says", "the study found". Each is a speaker of
/// its own, named by its description, whoever made a statement before.
pub static SELF_QUOTED_DOCUMENTS: WordSet = WordSet::new(
    "indictment complaint lawsuit judgment study survey transcript affidavit memo memorandum",
);

/// Determiners that start a description.
pub static DETERMINERS: WordSet =
    WordSet::new("the this that its his her their a an one two three several some other another");

/// Determiners that introduce someone new (an unnamed source).
pub static INDEFINITE: WordSet = WordSet::new("a an one two three several some other another");

/// Finite speech verbs (said, stressed, noted).
pub static FINITE_CUES: WordSet = WordSet::new(
    "said says say told tells stated states added adds noted notes stressed stresses emphasized
     emphasised emphasizes emphasises affirmed affirms reaffirmed reaffirms warned warns claimed
     claims admitted admits insisted insists explained explains declared declares announced
     announces argued argues asserted asserts underscored underscores underlined remarked
     commented replied responded answered asked urged vowed threatened accused denied confirmed
     acknowledged conceded wrote writes tweeted posted continued concluded recalled observed
     suggested predicted cautioned contended maintained reiterated repeated pledged promised
     boasted complained lamented quipped shouted exclaimed whispered mused charged alleged
     demanded estimated disclosed revealed testified thundered hailed welcomed condemned
     denounced called described dubbed labelled labeled termed write warn argue insist tell
     explain admit conclude suggest describes hails welcomes condemns denounces recalls remembers
     remembered accuses denies confirms urges vows pledges promises calls",
);

/// Participles that hang a quote from the clause's subject (stressing,
/// adding).
pub static PARTICIPLE_CUES: WordSet = WordSet::new(
    "saying adding noting stressing emphasizing emphasising stating warning insisting explaining
     declaring arguing asserting underscoring affirming reaffirming claiming admitting urging
     vowing acknowledging describing accusing calling writing telling asking recalling pledging
     promising denying confirming announcing threatening reiterating concluding",
);

/// Multi-word finite cues, one per line.
pub static PHRASE_CUES: PhraseSet = PhraseSet::new(
    "pointed out
points out
went on to say
went on to add
went on
goes on to say
made clear
spelled out
told reporters
told journalists",
);

/// Multi-word participle cues, one per line.
pub static PARTICIPLE_PHRASE_CUES: PhraseSet = PhraseSet::new(
    "pointing out
     going on to say",
);

/// Verbs that report a document or another outlet rather than a speaker.
pub static REPORT_CUES: WordSet =
    WordSet::new("reported reports read reads quoted cited published");

/// Whether the folded word is a cue on its own ([`FINITE_CUES`],
/// [`PARTICIPLE_CUES`], [`REPORT_CUES`]) or starts a multi-word cue
/// ([`PHRASE_CUES`], [`PARTICIPLE_PHRASE_CUES`]).
///
/// The five sets are merged into one, looked up once: most words are no
/// cue, and finding cues looked every word up in all five (issue #5).
pub fn is_cue_word(folded: &str) -> bool {
    static CUE_WORDS: OnceLock<Lookup> = OnceLock::new();
    let first_words = |set: &'static PhraseSet| set.phrases().iter().map(|p| p[0]);
    CUE_WORDS
        .get_or_init(|| {
            Lookup::of(
                FINITE_CUES
                    .iter()
                    .chain(PARTICIPLE_CUES.iter())
                    .chain(REPORT_CUES.iter())
                    .chain(first_words(&PHRASE_CUES))
                    .chain(first_words(&PARTICIPLE_PHRASE_CUES)),
            )
        })
        .contains(folded)
}

/// Whether the folded word heads a description, a document or an unnamed
/// source: it is in [`SOURCE_NOUNS`], [`DOCUMENT_NOUNS`], [`PERSON_NOUNS`],
/// [`BODY_NOUNS`] or [`GROUP_NOUNS`].
///
/// The five sets are merged into one, looked up once: most words after a
/// determiner are in none, and finding descriptions looked each up in all
/// of them (issue #5).
pub fn is_description_head(folded: &str) -> bool {
    static HEADS: OnceLock<Lookup> = OnceLock::new();
    HEADS
        .get_or_init(|| {
            Lookup::of(
                SOURCE_NOUNS
                    .iter()
                    .chain(DOCUMENT_NOUNS.iter())
                    .chain(PERSON_NOUNS.iter())
                    .chain(BODY_NOUNS.iter())
                    .chain(GROUP_NOUNS.iter()),
            )
        })
        .contains(folded)
}

/// The sets of this module that the mention and cue rules ask about most
/// words, as bits: [`word_class`] answers for all of them with one
/// look-up per word, and each question after that is a bit test (issue
/// #5: finding mentions and cues looked most words up in three or more
/// sets, one hash each).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClass(u16);

impl WordClass {
    /// [`is_cue_word`].
    pub const CUE: WordClass = WordClass(1);
    /// [`DETERMINERS`].
    pub const DETERMINER: WordClass = WordClass(1 << 1);
    /// [`FUNCTION_WORDS`].
    pub const FUNCTION: WordClass = WordClass(1 << 2);
    /// [`PREPOSITIONS`].
    pub const PREPOSITION: WordClass = WordClass(1 << 3);
    /// [`is_description_head`].
    pub const DESCRIPTION_HEAD: WordClass = WordClass(1 << 4);
    /// [`PERSON_NOUNS`].
    pub const PERSON_NOUN: WordClass = WordClass(1 << 5);
    /// [`TITLE_WORDS`].
    pub const TITLE: WordClass = WordClass(1 << 6);
    /// [`NAME_PARTICLES`].
    pub const NAME_PARTICLE: WordClass = WordClass(1 << 7);
    /// [`BETWEEN_SUBJECT_AND_VERB`].
    pub const BETWEEN_SUBJECT_AND_VERB: WordClass = WordClass(1 << 8);
    /// A word that can be part of a name: no set of this module, but the
    /// shape of the word as written, which [`word_class`] does not see
    /// (see [`crate::mention::word_classes`]).
    pub const NAME: WordClass = WordClass(1 << 9);
    /// [`FINITE_CUES`].
    pub const FINITE_CUE: WordClass = WordClass(1 << 10);
    /// [`PARTICIPLE_CUES`].
    pub const PARTICIPLE_CUE: WordClass = WordClass(1 << 11);
    /// [`REPORT_CUES`].
    pub const REPORT_CUE: WordClass = WordClass(1 << 12);
    /// The first word of a phrase of [`PHRASE_CUES`].
    pub const STARTS_PHRASE_CUE: WordClass = WordClass(1 << 13);
    /// The first word of a phrase of [`PARTICIPLE_PHRASE_CUES`].
    pub const STARTS_PARTICIPLE_PHRASE_CUE: WordClass = WordClass(1 << 14);
    /// A word a mention may start at: a name word, a determiner, a
    /// possessive or a pronoun that can stand for a speaker. Like
    /// [`WordClass::NAME`], set by [`crate::mention::word_class`].
    pub const MAY_START_MENTION: WordClass = WordClass(1 << 15);

    /// Whether the word is in the set `set` stands for.
    pub fn has(self, set: WordClass) -> bool {
        self.0 & set.0 != 0
    }

    /// The class with the bits of `other` too.
    pub fn with(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }
}

/// The [`WordClass`] of the folded word `w`: the sets it is in.
pub fn word_class(w: &str) -> WordClass {
    static CLASSES: OnceLock<WordMap<u16>> = OnceLock::new();
    let table = CLASSES.get_or_init(|| {
        let sets = [
            (&FINITE_CUES, WordClass::CUE),
            (&PARTICIPLE_CUES, WordClass::CUE),
            (&REPORT_CUES, WordClass::CUE),
            (&DETERMINERS, WordClass::DETERMINER),
            (&FUNCTION_WORDS, WordClass::FUNCTION),
            (&PREPOSITIONS, WordClass::PREPOSITION),
            (&SOURCE_NOUNS, WordClass::DESCRIPTION_HEAD),
            (&DOCUMENT_NOUNS, WordClass::DESCRIPTION_HEAD),
            (&PERSON_NOUNS, WordClass::DESCRIPTION_HEAD),
            (&BODY_NOUNS, WordClass::DESCRIPTION_HEAD),
            (&GROUP_NOUNS, WordClass::DESCRIPTION_HEAD),
            (&PERSON_NOUNS, WordClass::PERSON_NOUN),
            (&TITLE_WORDS, WordClass::TITLE),
            (&NAME_PARTICLES, WordClass::NAME_PARTICLE),
            (&BETWEEN_SUBJECT_AND_VERB, WordClass::BETWEEN_SUBJECT_AND_VERB),
            (&FINITE_CUES, WordClass::FINITE_CUE),
            (&PARTICIPLE_CUES, WordClass::PARTICIPLE_CUE),
            (&REPORT_CUES, WordClass::REPORT_CUE),
        ];
        let phrase_cues = [
            (&PHRASE_CUES, WordClass::STARTS_PHRASE_CUE),
            (&PARTICIPLE_PHRASE_CUES, WordClass::STARTS_PARTICIPLE_PHRASE_CUE),
        ]
        .into_iter()
        .flat_map(|(set, class)| {
            set.phrases().iter().map(move |p| (p[0], WordClass::CUE.with(class)))
        });
        let words = sets.into_iter().flat_map(|(set, class)| set.iter().map(move |w| (w, class)));
        let mut table = WordMap::default();
        for (w, class) in words.chain(phrase_cues) {
            *table.entry(w) |= class.0;
        }
        table
    });
    WordClass(table.get(w).copied().unwrap_or(0))
}

/// What is known of words as written (not folded), such as their
/// class, remembered: the class of a word is a function of its text
/// alone, and news repeats its words, so a reader that classes every word
/// of every article asks this first.
///
/// Issue #5: classing a word (folding aside) took some 145 instructions,
/// a look-up in [`word_class`]'s table and the tests of a name word; a
/// word seen before is one look-up of its [`packed`] text. Words longer
/// than 16 bytes are not kept. The memo forgets everything when it holds
/// [`WordMemo::CAPACITY`] words, so it stays small over any corpus.
pub(crate) struct WordMemo<V> {
    values: HashMap<u128, V, BuildHasherDefault<PackedHasher>>,
}

impl<V> Default for WordMemo<V> {
    fn default() -> WordMemo<V> {
        WordMemo { values: HashMap::default() }
    }
}

impl<V: Copy> WordMemo<V> {
    /// The most words kept.
    pub(crate) const CAPACITY: usize = 1 << 13;

    /// The value of the word written `word`, as `value` works it out for
    /// a word not seen yet.
    #[inline]
    pub(crate) fn get_or(&mut self, word: &str, value: impl FnOnce() -> V) -> V {
        let Some(key) = packed(word.as_bytes()) else { return value() };
        if let Some(&known) = self.values.get(&key) {
            return known;
        }
        if self.values.len() >= Self::CAPACITY {
            self.values.clear();
        }
        *self.values.entry(key).or_insert_with(value)
    }
}

/// A word of up to 16 bytes as a number: its bytes in little-endian
/// order, padded with zeros. `None` for a longer word, and for one that
/// ends in a zero byte: then two words have the same number only if they
/// are the same. The bytes are read with two to four loads, which overlap
/// for most lengths, instead of one at a time.
fn packed(w: &[u8]) -> Option<u128> {
    if w.last() == Some(&0) {
        return None;
    }
    let n = w.len();
    let load4 = |i: usize| u64::from(u32::from_le_bytes(w[i..i + 4].try_into().expect("4 bytes")));
    let load8 = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().expect("8 bytes"));
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => {
            let (a, b, c) = (u64::from(w[0]), u64::from(w[n / 2]), u64::from(w[n - 1]));
            (a | b << (8 * (n / 2)) | c << (8 * (n - 1)), 0)
        }
        4..=8 => (load4(0) | load4(n - 4) << (8 * (n - 4)), 0),
        9..=16 => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// A hasher for [`packed`] words: mixes the two halves with a multiply.
#[derive(Clone, Copy, Default)]
struct PackedHasher(u64);

impl Hasher for PackedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only `u128` keys are hashed; any other bytes, word by word.
        let mut h = WordHasher(self.0);
        h.write(bytes);
        self.0 = h.finish();
    }

    fn write_u128(&mut self, v: u128) {
        let x = (v as u64) ^ ((v >> 64) as u64).rotate_left(32);
        self.0 = (x ^ (x >> 31)).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Words that may stand between a subject and its verb without breaking
/// the link: `Fulani also said`, `he further underscored`, `has said`.
pub static BETWEEN_SUBJECT_AND_VERB: WordSet = WordSet::new(
    "also further later then reportedly has have had was were is would will again once earlier
     previously repeatedly publicly quickly recently separately subsequently additionally
     moreover however strongly firmly roundly clearly explicitly openly simply directly angrily
     bluntly flatly likewise too not never always",
);

/// Words right before a quote that say it is a name or title rather than
/// speech: the film “…”, dubbed “…”, the so-called “…”.
pub static NAMING_CUES: WordSet = WordSet::new(
    "called dubbed named titled entitled nicknamed codenamed code-named so-called as film movie
     book novel song album show series operation campaign hashtag slogan word words term phrase
     label",
);

/// Works whose titles are quoted in apposition: `the album, “Low Tide
/// Hymnal,”`, `her memoir “Keys to the Kingdom”`.
pub static WORK_NOUNS: WordSet = WordSet::new(
    "album single track song record ep film movie documentary book novel memoir biography play
     musical opera poem painting series show podcast column essay exhibition slogan motto
     hashtag banner chant headline",
);

/// Verbs that give a name with `as`: `known as`, `referred to him as`,
/// `tagged as` (not `described as`, which quotes the describer's words).
pub static NAMING_VERBS: WordSet = WordSet::new(
    "known referred refer refers referring tagged labelled labeled branded designated listed
     billed marketed styled nicknamed dubbed identified classified",
);

/// Determiners after which a short title-case quote is a name in scare
/// quotes: the “Islamic State”.
pub static SCARE_DETERMINERS: WordSet = WordSet::new("the a an its their his her our this that");

/// Abbreviations whose final period does not end a sentence.
pub static ABBREVIATIONS: WordSet = WordSet::new(
    "mr mrs ms dr gen lt col maj sgt capt cmdr adm gov sen rep rev st jr sr prof no vs etc jan
     feb aug sept sep oct nov dec inc corp ltd co brig pres amb approx",
);

/// English stop words: function words that say nothing of framing. The
/// framing discovery drops them alone and at the edges of phrases.
pub static STOP_WORDS: WordSet = WordSet::new(
    "a about above after again against all also am amid among an and any are aren't around as
     at be because been before being below between both but by can can't could couldn't did
     didn't do does doesn't doing don't down during each either even ever every few for from
     further had hadn't has hasn't have haven't having he her here hers herself him himself his
     how however i if in including into is isn't it it's its itself just least less like many
     may me might more most much must my myself neither no nor not now of off on once one only
     onto or other others our ours ourselves out over own per rather same several shall she
     should since so some still such than that that's the their theirs them themselves then
     there there's these they this those though through thus to too toward towards two under
     until up upon us very via was wasn't we were weren't what when where whether which while
     who whom whose why will with within without won't would wouldn't yet you your yours
     yourself yourselves ago already earlier later meanwhile recently soon currently today
     yesterday tomorrow",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_memo_answers_as_the_rule_and_remembers_each_word_apart() {
        let rule = |w: &str| WordClass(w.len() as u16 * 3 + u16::from(w.as_bytes()[0]));
        let mut memo = WordMemo::default();
        let words = [
            "a",
            "ab",
            "abc",
            "aBc",
            "said",
            "Said",
            "SAID",
            "é",
            "ÉTÉ",
            "2,500",
            "U.S.",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "abcdefgh",
            "abcdefghi",
        ];
        for _ in 0..2 {
            for w in words {
                assert_eq!(memo.get_or(w, || rule(w)), rule(w), "{w:?}");
            }
        }
        // A word of up to 16 bytes seen before is answered without the rule.
        assert_eq!(memo.get_or("abc", || panic!("not remembered")), rule("abc"));
        let long = "abcdefghijklmnop";
        assert_eq!(memo.get_or(long, || panic!("not remembered")), rule(long));
        // More words than it keeps: it forgets, and still answers right.
        let capacity = WordMemo::<WordClass>::CAPACITY;
        let many: Vec<String> = (0..capacity + 100).map(|i| format!("w{i}")).collect();
        for w in many.iter().chain(&many) {
            assert_eq!(memo.get_or(w, || rule(w)), rule(w), "{w:?}");
            assert!(memo.values.len() <= capacity);
        }
    }

    #[test]
    fn the_word_hasher_reads_the_tail_as_zero_padded_little_endian() {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let word = "abcdefghijklmnopqrstu";
        for len in 0..=word.len() {
            let bytes = &word.as_bytes()[..len];
            let mut want = 0u64;
            for c in bytes.chunks(8) {
                let mut padded = [0u8; 8];
                padded[..c.len()].copy_from_slice(c);
                let extra = if c.len() < 8 { c.len() as u64 } else { 0 };
                want = (want.rotate_left(5) ^ u64::from_le_bytes(padded) ^ extra).wrapping_mul(K);
            }
            if len % 8 == 0 {
                want = (want.rotate_left(5)).wrapping_mul(K);
            }
            let mut h = WordHasher::default();
            h.write(bytes);
            assert_eq!(h.0, want, "{len} bytes");
        }
    }

    #[test]
    fn has_prefix_of_answers_as_a_scan_of_the_words() {
        static SET: WordSet = WordSet::new("x e-mail share twitter pocket über");
        static LONG: WordSet = WordSet::new(
            "ab abcdefghijklmnopqrstuvwxyzabcdefgh abcdefghijklmnopqrstuvwxyzabcdefghij",
        );
        let words = [
            "",
            "x",
            "xy",
            "e",
            "e-mail",
            "e-mails",
            "sharetwitter",
            "shar",
            "twitterx",
            "pocketful",
            "über",
            "überall",
            "üb",
            "ab",
            "abc",
            "abcdefghijklmnopqrstuvwxyzabcdefghijk",
            "abcdefghijklmnopqrstuvwxyzabcdefg",
            "facebook",
            "ü",
        ];
        for set in [&SET, &LONG] {
            for w in words {
                let scan = set.iter().any(|s| w.starts_with(s));
                assert_eq!(set.has_prefix_of(w), scan, "{w:?}");
            }
        }
    }

    #[test]
    fn cue_words_are_the_five_cue_sets_in_one() {
        let one_by_one = |w: &str| {
            FINITE_CUES.contains(w)
                || PARTICIPLE_CUES.contains(w)
                || REPORT_CUES.contains(w)
                || PHRASE_CUES.starts_with_word(w)
                || PARTICIPLE_PHRASE_CUES.starts_with_word(w)
        };
        let sets = [&FINITE_CUES, &PARTICIPLE_CUES, &REPORT_CUES, &FUNCTION_WORDS, &TITLE_WORDS];
        let words = sets.iter().flat_map(|s| s.iter());
        for w in words.chain(["pointed", "going", "went", "out", "", "Said", "saidx", "sai"]) {
            assert_eq!(is_cue_word(w), one_by_one(w), "{w:?}");
        }
        assert!(is_cue_word("said") && is_cue_word("pointing") && !is_cue_word("the"));
    }

    #[test]
    fn a_packed_word_is_its_bytes_padded_with_zeros() {
        let word = "abcdefghijklmnopq";
        for len in 0..=word.len() {
            let bytes = &word.as_bytes()[..len];
            let want = (len <= 16).then(|| {
                // (No byte of `word` is zero.)
                let mut padded = [0u8; 16];
                padded[..len].copy_from_slice(bytes);
                u128::from_le_bytes(padded)
            });
            assert_eq!(packed(bytes), want, "{len} bytes");
        }
        // A zero byte at the end would make the number ambiguous.
        assert_eq!(packed(b"ab\0"), None);
        assert_eq!(packed(b"a\0b"), Some(u128::from_le_bytes(*b"a\0b\0\0\0\0\0\0\0\0\0\0\0\0\0")));
        // Words of one length differ in their numbers wherever they differ.
        assert_ne!(packed(b"abc"), packed(b"abd"));
        assert_ne!(packed(b"xbcdefghi"), packed(b"abcdefghi"));
    }

    #[test]
    fn a_word_class_is_the_sets_it_is_in() {
        let sets: [(&WordSet, WordClass); 8] = [
            (&DETERMINERS, WordClass::DETERMINER),
            (&FUNCTION_WORDS, WordClass::FUNCTION),
            (&PREPOSITIONS, WordClass::PREPOSITION),
            (&PERSON_NOUNS, WordClass::PERSON_NOUN),
            (&TITLE_WORDS, WordClass::TITLE),
            (&NAME_PARTICLES, WordClass::NAME_PARTICLE),
            (&BETWEEN_SUBJECT_AND_VERB, WordClass::BETWEEN_SUBJECT_AND_VERB),
            (&ORG_WORDS, WordClass::default()),
        ];
        let firsts = |set: &'static PhraseSet| set.phrases().iter().map(|p| p[0]);
        let words = sets
            .iter()
            .flat_map(|(set, _)| set.iter())
            .chain(
                [&FINITE_CUES, &PARTICIPLE_CUES, &REPORT_CUES].into_iter().flat_map(|s| s.iter()),
            )
            .chain(firsts(&PHRASE_CUES))
            .chain(firsts(&PARTICIPLE_PHRASE_CUES));
        let others = [
            "",
            "the",
            "The",
            "said",
            "pointed",
            "minister-president",
            "x",
            "zzzzzzzzzzzzzzzzzzzz",
        ];
        for w in words.chain(others) {
            let class = word_class(w);
            for (set, bit) in &sets[..7] {
                assert_eq!(class.has(*bit), set.contains(w), "{w:?} {bit:?}");
            }
            assert_eq!(class.has(WordClass::CUE), is_cue_word(w), "{w:?}");
            let cue_sets = [
                (&FINITE_CUES, WordClass::FINITE_CUE),
                (&PARTICIPLE_CUES, WordClass::PARTICIPLE_CUE),
                (&REPORT_CUES, WordClass::REPORT_CUE),
            ];
            for (set, bit) in cue_sets {
                assert_eq!(class.has(bit), set.contains(w), "{w:?} {bit:?}");
            }
            let phrase_sets = [
                (&PHRASE_CUES, WordClass::STARTS_PHRASE_CUE),
                (&PARTICIPLE_PHRASE_CUES, WordClass::STARTS_PARTICIPLE_PHRASE_CUE),
            ];
            for (set, bit) in phrase_sets {
                assert_eq!(class.has(bit), set.starts_with_word(w), "{w:?} {bit:?}");
            }
            assert_eq!(class.has(WordClass::DESCRIPTION_HEAD), is_description_head(w), "{w:?}");
        }
        assert_eq!(word_class("zzzz"), WordClass::default());
    }

    #[test]
    fn description_heads_are_the_five_noun_sets_in_one() {
        let one_by_one = |w: &str| {
            SOURCE_NOUNS.contains(w)
                || DOCUMENT_NOUNS.contains(w)
                || PERSON_NOUNS.contains(w)
                || BODY_NOUNS.contains(w)
                || GROUP_NOUNS.contains(w)
        };
        let sets = [
            &SOURCE_NOUNS,
            &DOCUMENT_NOUNS,
            &PERSON_NOUNS,
            &BODY_NOUNS,
            &GROUP_NOUNS,
            &FUNCTION_WORDS,
        ];
        let words = sets.iter().flat_map(|s| s.iter());
        for w in words.chain(["", "Statement", "statements", "sourc", "the"]) {
            assert_eq!(is_description_head(w), one_by_one(w), "{w:?}");
        }
    }

    #[test]
    fn sets_hold_folded_words() {
        assert!(FUNCTION_WORDS.contains("the") && !FUNCTION_WORDS.contains("The"));
        assert!(FINITE_CUES.contains("said") && PARTICIPLE_CUES.contains("stressing"));
        // Every word is already folded: lower case, no periods.
        for set in
            [&FUNCTION_WORDS, &TITLE_WORDS, &ORG_WORDS, &FINITE_CUES, &ABBREVIATIONS, &STOP_WORDS]
        {
            for w in set.iter() {
                assert_eq!(crate::text::fold(w), w);
            }
        }
    }

    #[test]
    fn look_ups_agree_with_the_list() {
        static SET: WordSet = WordSet::new(
            "a an said x-ray al-fulani's unconstitutionally-and-provisionally-long-word é",
        );
        for w in SET.iter() {
            assert!(SET.contains(w), "{w}");
        }
        // Same first byte or same length as a word of the set, and the
        // empty word: none of them in it.
        let misses = [
            "",
            "b",
            "ab",
            "sad",
            "sai",
            "saidx",
            "x-rax",
            "al-fulani",
            "é!",
            "e",
            "unconstitutionally-and-provisionally-long-wore",
            "unconstitutionally-and-provisionally-long-word-",
            "a\0",
            "an\0\0",
            "\0",
        ];
        for w in misses {
            assert!(!SET.contains(w), "{w}");
        }
        let phrases = PhraseSet::new("went on to say\npointed out");
        assert!(phrases.starts_with_word("went") && phrases.starts_with_word("pointed"));
        assert!(!phrases.starts_with_word("on") && !phrases.starts_with_word("out"));
    }
}
