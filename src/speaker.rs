//! Speakers: who the articles quote, discovered from the text.
//!
//! Within one article a [`Cast`] links every name to an entity: `Akram
//! al-Fulani`, `al-Fulani` and `Fulani` are one person because the short
//! forms are the long form's surname (an `al-` particle aside);
//! `Brigadier Jane Doe` is `Jane Doe` with a title. Across
//! articles a [`Speakers`] registry merges the casts: persons by full name,
//! or by a surname that only one full name has; organisations by name or
//! acronym (a surname or an acronym links a fuller name only to a speaker
//! known by such short forms alone: many may share one); unnamed sources
//! only within their article (two articles' "unnamed source" are not the
//! same person) unless their descriptions match. The canonical name is the fullest form seen: the most name
//! words, then the most frequent.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

use serde::Serialize;

use crate::SpeakerType;
use crate::lexicon::WordHasher;
use crate::text::{self, FoldedWord};

/// Index of an entity in its [`Cast`].
pub type EntityId = usize;

/// Someone an article mentions who may speak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name seen in the article (titles removed), or for an
    /// unnamed source its description (`unnamed source in the …`).
    pub name: String,
    /// Person, organisation or unnamed source.
    pub kind: SpeakerType,
    /// Every form of the name seen in the article (titles removed) and
    /// acronyms.
    pub aliases: BTreeSet<String>,
    /// Roles and titles given in the article: `Prime Minister`,
    /// `military spokesperson for …`.
    pub roles: Vec<String>,
    /// Whether the name is fixed by a gazetteer entry: it stays the
    /// canonical name whatever other forms are seen.
    pub pinned: bool,
    /// Whether the evidence for the entity's kind is weak (a single
    /// capitalized word that no fuller name explains).
    pub weak: bool,
}

/// A hash map of a cast's name indexes. Keys are folded name words of
/// one article and the maps are only looked up, never iterated, so the
/// fast word hasher of the lexicon does instead of SipHash, which was
/// most of the cost of linking a name (issue #5).
type NameIndex<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The entities of one article.
///
/// Linking a name costs a few hash look-ups, whatever the number of
/// entities: the cast keeps an index of every alias and of persons'
/// surnames beside the entities.
#[derive(Clone, Debug, Default)]
pub struct Cast {
    entities: Vec<Entity>,
    /// The [`AliasKey`] text of every alias, with the first entity that
    /// has it: linking reads only that one, and aliases are never taken
    /// back.
    by_alias: NameIndex<FoldedWord, EntityId>,
    /// The last word of each person's name key, with the persons.
    by_surname: NameIndex<FoldedWord, Ids>,
    /// The one-word name keys of persons, with the persons.
    by_single: NameIndex<FoldedWord, Ids>,
    /// Unnamed sources by description.
    sources: NameIndex<String, EntityId>,
    /// The entities with a role, and those that are not persons, in id
    /// order: the only ones `by_role` and `by_name_word` need to look at.
    with_roles: Vec<EntityId>,
    non_persons: Vec<EntityId>,
    /// The words of each entity's name, by id: whether a name linked is
    /// longer asks for it at every link (issue #5: counting them again
    /// was 0.4 M instructions of 213 M on g500).
    name_words: Vec<usize>,
    /// Whether [`Cast::compact`] dropped the name indexes.
    compacted: bool,
    /// The [`name_key`] of the last name [`Cast::link_name`] linked, kept
    /// as scratch: most names linked are known aliases, whose key is only
    /// looked up, so it is built here and copied only when it is stored.
    /// And a name is often linked again right after (an unknown name looked
    /// up, then created; a speaker named in clauses running), when its key
    /// is not made again. Linking a name re-folded its words into a new
    /// vector every call, 5.45 M instructions of 221.6 M on g500 (issue #5).
    scratch_key: AliasKey,
    /// The name `scratch_key` is the key of.
    scratch_name: String,
}

/// Entity ids in order, without repeats: a set of the few persons of an
/// article that share a surname. A sorted vector, where a `BTreeSet`
/// allocated a node of eleven slots for each name indexed (issue #5:
/// creating an entity indexed it in three sets, 2.5 M instructions of
/// 213 M on g500).
#[derive(Clone, Debug, Default)]
struct Ids(Vec<EntityId>);

impl Ids {
    fn first(&self) -> Option<EntityId> {
        self.0.first().copied()
    }

    fn insert(&mut self, id: EntityId) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    fn remove(&mut self, id: EntityId) {
        if let Ok(at) = self.0.binary_search(&id) {
            self.0.remove(at);
        }
    }
}

/// Makes room for `n` entries in a cast's index when it has none yet: an
/// article's cast grows its indexes from nothing, and rehashing them as
/// they grew was some 1 M instructions of 210 M on g500 (issue #5). The
/// indexes are only looked up, so their size changes no answer.
fn reserve_first<K: Eq + std::hash::Hash, V>(index: &mut NameIndex<K, V>, n: usize) {
    if index.capacity() == 0 {
        index.reserve(n);
    }
}

/// A name's [`name_key`] as one string, for a cast's alias index: one
/// string to hash and compare, kept inline when short, where the key's
/// vector of words was built for every name linked and copied for every
/// alias stored (issue #5: linking names was 10.9 M instructions of 180 M
/// on g500).
///
/// The key's words joined by single spaces, when none is empty or holds a
/// space (as every plain name's, [`plain_name`], which is its key
/// lower-cased as it is); otherwise each word after a tab. Folding turns
/// white space to spaces, so no word holds a tab: two names have the same
/// text exactly when they have the same `name_key`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct AliasKey {
    text: String,
    /// The number of words of the key.
    words: usize,
    /// Where the last word starts in `text`.
    last: usize,
}

impl AliasKey {
    /// The key of `name`.
    fn of(name: &str) -> AliasKey {
        let mut key = AliasKey::default();
        key.set(name);
        key
    }

    /// Makes this the key of `name`.
    fn set(&mut self, name: &str) {
        self.text.clear();
        self.last = 0;
        if let Some(spaces) = plain_name(name).filter(|_| !name.is_empty()) {
            self.text.push_str(name);
            self.text.make_ascii_lowercase();
            self.words = spaces + 1;
            self.last = name.rfind(' ').map_or(0, |i| i + 1);
            return;
        }
        let words = || name_words(name).map(|w| text::fold_word(text::strip_particle(w)));
        self.words = 0;
        let mut spaced = true;
        for w in words() {
            if self.words > 0 {
                self.text.push(' ');
            }
            spaced &= !w.is_empty() && !w.contains(' ');
            self.last = self.text.len();
            self.text.push_str(&w);
            self.words += 1;
        }
        if !spaced {
            self.text.clear();
            for w in words() {
                self.text.push('\t');
                self.last = self.text.len();
                self.text.push_str(&w);
            }
        }
    }

    /// The last word, when there is one.
    fn last_word(&self) -> Option<&str> {
        (self.words > 0).then(|| &self.text[self.last..])
    }
}

/// Folded name words with particles removed: "Omar al-Fulani" →
/// ["akram", "fulani"].
///
/// The words are inline strings: a `String` a word cost an allocation
/// each (issue #5). A cast links names by the same key as one string
/// ([`AliasKey`]).
fn name_key(name: &str) -> Vec<FoldedWord> {
    name_words(name).map(|w| text::fold_word(text::strip_particle(w))).collect()
}

/// The words of a name, as [`str::split_whitespace`] splits it.
///
/// Most names are ASCII, and splitting those by bytes gives the same
/// words without decoding each char and asking whether it is Unicode
/// white space: a name is split for every name linked and every merge key
/// made (issue #5). The one ASCII char that is white space to `char` but
/// not to `u8::is_ascii_whitespace` is the vertical tab, so a name with
/// one takes the general path.
fn name_words(name: &str) -> NameWords<'_> {
    if name.is_ascii() && !name.contains('\x0B') {
        NameWords::Ascii(name.split_ascii_whitespace())
    } else {
        NameWords::Unicode(name.split_whitespace())
    }
}

/// The iterator of [`name_words`].
enum NameWords<'a> {
    Ascii(std::str::SplitAsciiWhitespace<'a>),
    Unicode(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for NameWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            NameWords::Ascii(words) => words.next(),
            NameWords::Unicode(words) => words.next(),
        }
    }
}

/// The registry key of a name of kind `kind`: `kind:` and the words of
/// its [`name_key`] joined by single spaces ("person:omar fulani").
///
/// Built in one string, without the key's vector of words, its join and
/// a `format!`: a key is made for every alias of every entity merged into
/// the registry (issue #5).
///
/// A name of words that fold to their lower case, with no hyphen (so no
/// particle to strip) and single spaces between them, is its key as it
/// is, lower-cased: most names are, and splitting and folding them word
/// by word was some 850 instructions a key (issue #5).
#[cfg(test)]
fn registry_key(kind: &str, name: &str) -> String {
    let mut key = String::with_capacity(kind.len() + 1 + name.len());
    registry_key_into(&mut key, kind, name);
    key
}

/// Appends the [`registry_key`] of a name of kind `kind` to `key`, and
/// says whether a [plain](plain_name) name is [short](is_short): `None`
/// for a name that is not plain.
///
/// A plain name is short when it is one word (an acronym is one word),
/// and the pass that tells it plain counts its words: asking `is_short`
/// again split each alias and looked at its chars, some 270 instructions
/// an alias merged (issue #5: 1.1 M of 184 M on g500, on the calling
/// thread).
fn registry_key_into(key: &mut String, kind: &str, name: &str) -> Option<bool> {
    key.reserve(kind.len() + 1 + name.len());
    key.push_str(kind);
    key.push(':');
    if let Some(spaces) = plain_name(name) {
        let from = key.len();
        key.push_str(name);
        key[from..].make_ascii_lowercase();
        return Some(spaces == 0);
    }
    for (n, w) in name_words(name).enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&text::fold_word(text::strip_particle(w)));
    }
    None
}

/// Whether `name` is plain, and if so its number of spaces (one less
/// than its words, unless it is empty): a plain name's [`name_key`] is its
/// words lower-cased. Each of its bytes folds to its lower case
/// ([`text::folds_to_lower`]) or is a space, none is a hyphen (a
/// particle's, [`text::strip_particle`]), and its spaces stand one by one
/// between words.
fn plain_name(name: &str) -> Option<usize> {
    let bytes = name.as_bytes();
    // Whether the byte before is a space, or there is none.
    let mut after_space = true;
    let mut spaces = 0;
    for &b in bytes {
        if b == b' ' {
            if after_space {
                return None;
            }
            after_space = true;
            spaces += 1;
        } else if b == b'-' || !text::folds_to_lower(b) {
            return None;
        } else {
            after_space = false;
        }
    }
    (bytes.last() != Some(&b' ')).then_some(spaces)
}

impl Cast {
    /// An empty cast.
    pub fn new() -> Cast {
        Cast::default()
    }

    /// Drops the indexes that linking names needs, keeping the entities:
    /// for a cast whose article is done and that is kept only to be read
    /// (each article's cast in an [`Extraction`](crate::extract::Extraction)).
    /// The indexes were a fifth of an extraction's memory (156 → 121 MB for
    /// 100,000 generated quotes, issue #5).
    ///
    /// # Panics
    ///
    /// Linking a name, adding a source or an alias to a compacted cast
    /// panics: build the cast completely first.
    pub fn compact(&mut self) {
        self.by_alias = NameIndex::default();
        self.by_surname = NameIndex::default();
        self.by_single = NameIndex::default();
        self.name_words = Vec::new();
        self.sources = NameIndex::default();
        self.scratch_key = AliasKey::default();
        self.scratch_name = String::new();
        self.entities.shrink_to_fit();
        self.compacted = true;
    }

    /// The entities, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity `id`.
    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    /// Links a name to an entity, creating one when `create` is set and
    /// none matches.
    ///
    /// A name matches an entity of the same kind with the same name words
    /// (case, particles and typography aside), or, for persons, whose last
    /// name word equals the name's last word when one of the two is a
    /// single word. A longer form replaces a shorter one as the entity's
    /// name.
    ///
    /// # Panics
    ///
    /// On a [compacted](Cast::compact) cast.
    pub fn link_name(&mut self, name: &str, kind: SpeakerType, create: bool) -> Option<EntityId> {
        assert!(!self.compacted, "link_name on a compacted cast");
        let mut key = std::mem::take(&mut self.scratch_key);
        if self.scratch_name != name {
            key.set(name);
            self.scratch_name.clear();
            self.scratch_name.push_str(name);
        }
        let found = self.link_keyed(name, &key, kind, create);
        self.scratch_key = key;
        found
    }

    /// [`Cast::link_name`] with the name's [`AliasKey`] made.
    fn link_keyed(
        &mut self,
        name: &str,
        key: &AliasKey,
        kind: SpeakerType,
        create: bool,
    ) -> Option<EntityId> {
        let last = key.last_word()?;
        // The first entity with this alias or, between persons, a surname
        // match: a one-word name matches any person
        // with that last word, a longer one a person known by one word.
        let first = |ids: Option<&Ids>| ids.and_then(Ids::first);
        let by_alias = self.by_alias.get(key.text.as_str()).copied();
        let by_surname = match key.words {
            _ if kind != SpeakerType::Person => None,
            1 => first(self.by_surname.get(last)),
            _ => first(self.by_single.get(last)),
        };
        let found = match (by_alias, by_surname) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match found {
            Some(id) => {
                let e = &self.entities[id];
                // `name_key` has one key per word of the name.
                let rename = !e.pinned && key.words > self.name_words[id];
                self.add_alias_keyed(id, name, &key.text);
                if rename {
                    self.unindex_name(id);
                    let e = &mut self.entities[id];
                    e.name = name.to_string();
                    e.weak = false;
                    self.name_words[id] = key.words;
                    self.index_name(id);
                }
                Some(id)
            }
            None if create => {
                // The name is the entity's name and its first alias: index
                // both with the key made above, not one made for each (issue #5).
                // No entity has the key as an alias (none was found by it).
                let id = self.push_unindexed(
                    Entity {
                        name: name.to_string(),
                        kind,
                        aliases: BTreeSet::new(),
                        roles: Vec::new(),
                        weak: false,
                        pinned: false,
                    },
                    key.words,
                );
                self.index_key(id, key);
                self.entities[id].aliases.insert(name.to_string());
                reserve_first(&mut self.by_alias, 16);
                self.by_alias.insert(FoldedWord::from(key.text.as_str()), id);
                Some(id)
            }
            None => None,
        }
    }

    /// Adds an entity, indexing its name (not its aliases).
    fn push(&mut self, entity: Entity) -> EntityId {
        let words = name_words(&entity.name).count();
        let id = self.push_unindexed(entity, words);
        self.index_name(id);
        id
    }

    /// Adds an entity without indexing its name.
    /// `words` is the number of its name's words.
    fn push_unindexed(&mut self, entity: Entity, words: usize) -> EntityId {
        let person = entity.kind == SpeakerType::Person;
        self.name_words.push(words);
        self.entities.push(entity);
        let id = self.entities.len() - 1;
        if !person {
            self.non_persons.push(id);
        }
        id
    }

    /// Indexes a person's name for surname matches.
    fn index_name(&mut self, id: EntityId) {
        if self.entities[id].kind != SpeakerType::Person {
            return;
        }
        let key = AliasKey::of(&self.entities[id].name);
        self.index_key(id, &key);
    }

    /// Indexes a person's name, as its [`AliasKey`], for surname matches.
    fn index_key(&mut self, id: EntityId, key: &AliasKey) {
        if self.entities[id].kind != SpeakerType::Person {
            return;
        }
        if let Some(last) = key.last_word() {
            reserve_first(&mut self.by_surname, 8);
            self.by_surname.entry(FoldedWord::from(last)).or_default().insert(id);
            if key.words == 1 {
                reserve_first(&mut self.by_single, 8);
                self.by_single.entry(FoldedWord::from(last)).or_default().insert(id);
            }
        }
    }

    /// Removes a person's name from the surname indexes, before renaming.
    fn unindex_name(&mut self, id: EntityId) {
        let key = AliasKey::of(&self.entities[id].name);
        let Some(last) = key.last_word() else { return };
        if let Some(ids) = self.by_surname.get_mut(last) {
            ids.remove(id);
        }
        if let Some(ids) = self.by_single.get_mut(last).filter(|_| key.words == 1) {
            ids.remove(id);
        }
    }

    /// Adds an unnamed source described by `description` and returns it.
    ///
    /// # Panics
    ///
    /// On a [compacted](Cast::compact) cast.
    pub fn add_source(&mut self, description: String) -> EntityId {
        assert!(!self.compacted, "add_source on a compacted cast");
        // (A source's entity renamed since by `link_name` no longer counts.)
        if let Some(&id) = self.sources.get(&description) {
            if self.entities[id].name == description {
                return id;
            }
        }
        let id = self.push(Entity {
            name: description.clone(),
            kind: SpeakerType::UnnamedSource,
            aliases: BTreeSet::new(),
            roles: Vec::new(),
            weak: false,
            pinned: false,
        });
        self.add_alias(id, &description);
        self.sources.insert(description, id);
        id
    }

    /// Adds an alias (an acronym) to an entity.
    ///
    /// # Panics
    ///
    /// On a [compacted](Cast::compact) cast.
    pub fn add_alias(&mut self, id: EntityId, alias: &str) {
        assert!(!self.compacted, "add_alias on a compacted cast");
        // Most mentions repeat a known alias: look before copying it.
        if !self.entities[id].aliases.contains(alias) {
            self.entities[id].aliases.insert(alias.to_string());
            reserve_first(&mut self.by_alias, 16);
            let key = AliasKey::of(alias);
            let min = self.by_alias.entry(FoldedWord::from(key.text.as_str())).or_insert(id);
            *min = (*min).min(id);
        }
    }

    /// [`Cast::add_alias`] with the alias's [`AliasKey`] text already made.
    fn add_alias_keyed(&mut self, id: EntityId, alias: &str, key: &str) {
        if !self.entities[id].aliases.contains(alias) {
            self.entities[id].aliases.insert(alias.to_string());
            // (A key is copied only when it is new.)
            match self.by_alias.get_mut(key) {
                Some(min) => *min = (*min).min(id),
                None => {
                    reserve_first(&mut self.by_alias, 16);
                    self.by_alias.insert(FoldedWord::from(key), id);
                }
            }
        }
    }

    /// Records a role or title for an entity.
    pub fn add_role(&mut self, id: EntityId, role: &str) {
        // Most roles are written with single spaces already: those are
        // used as they are, not split and joined again (issue #5).
        let role: std::borrow::Cow<str> = if is_spaced(role) {
            role.into()
        } else {
            role.split_whitespace().collect::<Vec<_>>().join(" ").into()
        };
        let role = role.trim_end_matches(',');
        if !role.is_empty() && !self.entities[id].roles.iter().any(|r| r == role) {
            if self.entities[id].roles.is_empty() {
                // Ids come in any order here: keep the list sorted.
                let at = self.with_roles.partition_point(|&i| i < id);
                self.with_roles.insert(at, id);
            }
            self.entities[id].roles.push(role.to_string());
        }
    }

    /// Fixes the entity's name (a gazetteer's canonical name).
    pub fn pin(&mut self, id: EntityId) {
        self.entities[id].pinned = true;
    }

    /// Marks the entity's kind as weakly evidenced.
    pub fn set_weak(&mut self, id: EntityId) {
        self.entities[id].weak = true;
    }

    /// The person whose roles contain the description's head noun (or a
    /// synonym: `pm` and `prime minister`, `spokesman` and
    /// `spokesperson`), when exactly one person has it.
    pub fn by_role(&self, head: &str) -> Option<EntityId> {
        let forms = role_synonyms(head);
        let matches: Vec<EntityId> = (self.with_roles.iter().copied())
            .filter(|&id| {
                let e = &self.entities[id];
                e.roles.iter().any(|r| {
                    // Only the role's own head counts: in "spokesperson for
                    // the PM" the PM is someone else.
                    let mut r = text::fold(r);
                    if r.contains('-') {
                        r = r.replace('-', " ");
                    }
                    let head = role_head(&r);
                    forms.iter().any(|f| has_words(head, f))
                })
            })
            .collect();
        match matches.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

impl Cast {
    /// The one entity of `kind` whose name has the word `head` (folded):
    /// "the movement" → "al-Sahel Movement".
    ///
    /// Each name word is compared with `head` as it folds, without a folded
    /// copy, and no list of matches is made: folding every word of every
    /// name into a new string was some 2,800 instructions a call (issue #5).
    pub fn by_name_word(&self, head: &str, kind: SpeakerType) -> Option<EntityId> {
        let has = |id: &EntityId| {
            let e = &self.entities[*id];
            e.kind == kind && name_words(&e.name).any(|w| folds_to(w, head))
        };
        if kind == SpeakerType::Person {
            only((0..self.entities.len()).filter(has))
        } else {
            only(self.non_persons.iter().copied().filter(has))
        }
    }

    /// [`Cast::by_name_word`] as it was, folding each word into a string:
    /// the oracle.
    #[cfg(test)]
    fn by_name_word_plain(&self, head: &str, kind: SpeakerType) -> Option<EntityId> {
        let matches: Vec<EntityId> = (0..self.entities.len())
            .filter(|&id| {
                let e = &self.entities[id];
                e.kind == kind && e.name.split_whitespace().any(|w| text::fold(w) == head)
            })
            .collect();
        match matches.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// The one item of `items`, if there is exactly one.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// Whether `word` [folds](text::fold) to `folded`: a word of plain ASCII
/// is compared as it is or lower-cased byte by byte, any other folded
/// first.
fn folds_to(word: &str, folded: &str) -> bool {
    match text::fold_kind(word) {
        text::FoldKind::Itself => word == folded,
        text::FoldKind::Lower => {
            word.len() == folded.len()
                && word.bytes().zip(folded.bytes()).all(|(w, f)| w.to_ascii_lowercase() == f)
        }
        text::FoldKind::General => text::fold(word) == folded,
    }
}

/// The prepositions that end a role's head ("spokesperson for the PM").
const ROLE_PREPOSITIONS: [&str; 8] =
    [" for ", " of ", " to ", " at ", " in ", " with ", " from ", " on "];

/// A (folded) role up to its first preposition: the role's own head.
///
/// Found in one pass over the role's spaces, where searching the role for
/// each preposition in turn built eight substring searchers a role, most
/// of the cost of [`Cast::by_role`] (issue #5: about 1 M instructions of
/// 211 M on g500 for 127 calls).
fn role_head(r: &str) -> &str {
    let b = r.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b' ')
        .find(|&i| ROLE_PREPOSITIONS.iter().any(|p| b[i..].starts_with(p.as_bytes())))
        .map_or(r, |i| &r[..i])
}

/// Whether `words` stands in `hay` between spaces or the ends: what
/// `format!(" {hay} ").contains(&format!(" {words} "))` says, without
/// the two strings (issue #5: [`Cast::by_role`] built them for every
/// role of every person and every synonym of the head).
fn has_words(hay: &str, words: &str) -> bool {
    let (h, w) = (hay.as_bytes(), words.as_bytes());
    (0..=h.len())
        .filter(|&p| p == 0 || h[p - 1] == b' ')
        .any(|p| h[p..].starts_with(w) && h.get(p + w.len()).is_none_or(|&b| b == b' '))
}

/// Whether `s` is its words joined by single spaces: what
/// `s.split_whitespace().collect::<Vec<_>>().join(" ")` gives back
/// unchanged (so not empty).
fn is_spaced(s: &str) -> bool {
    // Whether the char before is white space; at the start, as if it were.
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// The forms other than `name`, one per spelling that differs in more
/// than case (al-Fulani and Al-Fulani are one alias; the lower-case particle
/// is kept).
fn distinct_aliases<'a>(forms: impl Iterator<Item = &'a String>, name: &str) -> Vec<String> {
    let mut by_fold: BTreeMap<String, &String> = BTreeMap::new();
    for f in forms.filter(|f| text::fold(f) != text::fold(name)) {
        let slot = by_fold.entry(text::fold(f)).or_insert(f);
        if f.starts_with(char::is_lowercase) {
            *slot = f;
        }
    }
    let mut out: Vec<String> = by_fold.into_values().cloned().collect();
    out.sort();
    out
}

/// A name folded for lookups, with `al-`-style particles dropped whatever
/// their case: "al-fulan" and "Al-Fulani" → "fulan", "fulani".
fn loose_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            let f = text::fold(w);
            ["al-", "el-", "ad-", "ar-", "as-", "at-", "an-", "az-", "ash-"]
                .iter()
                .find_map(|p| f.strip_prefix(p).filter(|rest| !rest.is_empty()).map(str::to_string))
                .unwrap_or(f)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Phrasings of the same role, folded, hyphens as spaces.
fn role_synonyms(head: &str) -> Vec<String> {
    let head = head.replace('-', " ");
    let groups: &[&[&str]] = &[
        &["pm", "prime minister", "premier"],
        &["spokesperson", "spokesman", "spokeswoman"],
        &["leader", "secretary general", "head", "chief"],
        &["cleric", "imam", "sheikh", "ayatollah", "mufti", "preacher"],
        &["president", "head of state"],
        &["minister"],
        // A title's abbreviation: "Gov. Jane Doe" is "the governor".
        &["governor", "gov"],
        &["senator", "sen"],
        &["representative", "rep"],
        &["general", "gen"],
        &["colonel", "col"],
        &["lieutenant", "lt"],
        &["captain", "capt"],
        &["sergeant", "sgt"],
        &["admiral", "adm"],
        &["professor", "prof"],
        &["doctor", "dr"],
        &["reverend", "rev"],
    ];
    for g in groups {
        if g.contains(&head.as_str()) {
            return g.iter().map(|s| s.to_string()).collect();
        }
    }
    vec![head]
}

/// A speaker across all articles: the unit `speakers` lists and `said`
/// looks up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The canonical name: the fullest form seen; organisations known by
    /// an acronym read `Full Name (ACRONYM)`.
    pub name: String,
    /// Person, organisation or unnamed source.
    #[serde(rename = "type")]
    pub kind: SpeakerType,
    /// Every other form seen, sorted.
    pub aliases: Vec<String>,
    /// Roles and titles seen, in order of first appearance.
    pub roles: Vec<String>,
}

/// The speakers of a corpus: casts merged across articles.
#[derive(Clone, Debug, Default)]
pub struct Speakers {
    speakers: Vec<Speaker>,
    /// Name forms seen per speaker, with counts, to choose the canonical.
    forms: Vec<BTreeMap<String, Form>>,
    /// Merge keys → speaker index. Only looked up, never iterated: a hash
    /// map, where a B-tree compared some dozen keys a look-up and was a
    /// tenth of merging a cast (issue #5). With the lexicon's word hasher,
    /// as the cast's indexes: SipHash was a tenth of merging a cast again.
    keys: NameIndex<String, usize>,
    /// Canonical names fixed by a gazetteer, per speaker.
    pinned: BTreeMap<usize, String>,
    /// Persons by the last word of their name's key, and persons whose
    /// name key is one word, by it: surname matches without a scan.
    by_surname: NameIndex<String, BTreeSet<SpeakerId>>,
    by_single: NameIndex<String, BTreeSet<SpeakerId>>,
    /// Slots of forgotten speakers, reused by the next new speaker.
    free: Vec<SpeakerId>,
    /// Whether aliases and roles are left out ([`Speakers::names_only`]).
    names_only: bool,
    /// The merge keys of the entity being merged, kept as scratch.
    scratch: MergeKeys,
}

/// The merge keys of one entity, built into one string, each with what
/// the registry holds under it and whether its alias is short
/// ([`is_short`]).
///
/// Merging an entity made a `String` for every key, looked each up, then
/// looked each up again to store it, and asked whether each alias is
/// short up to three times: a merge's keys are now built into one buffer
/// kept between merges, looked up once, and copied only when stored
/// (issue #5: merging was 12.6 M instructions of 218 M on g500, on the
/// calling thread).
#[derive(Clone, Debug, Default)]
struct MergeKeys {
    text: String,
    keys: Vec<MergeKey>,
}

/// One key of [`MergeKeys`].
#[derive(Clone, Copy, Debug)]
struct MergeKey {
    /// Where the key ends in [`MergeKeys::text`] (it starts where the one
    /// before ends).
    end: usize,
    /// The speaker the registry holds under the key.
    found: Option<SpeakerId>,
    /// Whether the alias the key was made of is short ([`is_short`]).
    short: bool,
}

impl MergeKeys {
    /// Ends the key appended to `text` since the last one.
    fn push(&mut self, short: bool) {
        self.keys.push(MergeKey { end: self.text.len(), found: None, short });
    }

    /// Appends the merge keys of `e`, an entity that is not
    /// [article-local](is_article_local): its description's for an
    /// unnamed source, each alias's otherwise.
    fn push_entity(&mut self, e: &Entity) {
        match e.kind {
            SpeakerType::UnnamedSource => {
                form_key_into(&mut self.text, e.kind, &e.name);
                self.push(false);
            }
            kind => {
                for a in &e.aliases {
                    let short = registry_key_into(&mut self.text, kind.as_str(), a);
                    self.push(short.unwrap_or_else(|| is_short(a)));
                }
            }
        }
    }
}

/// An article's [`Cast`] made ready to merge into a registry
/// ([`Speakers::merge_prepared`]), on the thread that extracted the
/// article: each entity's merge keys built, whether it is local to its
/// article worked out, and the cast's name indexes let go.
///
/// A stream of articles merges each cast on the one thread that writes
/// the output, in input order, and that thread limited two cores to 1.58
/// times one (issue #5): building the keys and dropping the cast were
/// some 3 M instructions of its 28 M on g500, work that needs no
/// registry. What is left for [`Speakers::merge_prepared`] is looking the
/// keys up and storing what is new.
#[derive(Clone, Debug, Default)]
pub struct PreparedCast {
    entities: Vec<PreparedEntity>,
    /// The merge keys of every entity that is not local, in entity order.
    keys: MergeKeys,
    /// The aliases of every entity, in entity order, each entity's in
    /// order (taken from its set): one vector, not one an entity.
    aliases: Vec<String>,
}

/// An [`Entity`] in a [`PreparedCast`].
#[derive(Clone, Debug)]
struct PreparedEntity {
    name: String,
    kind: SpeakerType,
    /// Whether it is [article-local](is_article_local): never merged.
    local: bool,
    pinned: bool,
    roles: Vec<String>,
    /// Where its aliases end in [`PreparedCast::aliases`] and its keys in
    /// [`PreparedCast::keys`] (they start where the previous entity's end).
    aliases_end: usize,
    keys_end: usize,
}

impl PreparedCast {
    /// Prepares `cast`, taking its entities' names, aliases and roles.
    pub fn new(cast: Cast) -> PreparedCast {
        // Room for every key at once: the buffers are new for each article,
        // where a registry's scratch is reused.
        let count: usize = cast.entities.iter().map(|e| e.aliases.len()).sum();
        let bytes = cast.entities.iter().flat_map(|e| &e.aliases).map(|a| a.len() + 14);
        let mut keys = MergeKeys {
            text: String::with_capacity(bytes.sum::<usize>() + 32 * cast.entities.len()),
            keys: Vec::with_capacity(count + cast.entities.len()),
        };
        let mut aliases = Vec::with_capacity(count);
        let entities = (cast.entities.into_iter())
            .map(|e| {
                let local = is_article_local(&e);
                if !local {
                    keys.push_entity(&e);
                }
                aliases.extend(e.aliases);
                PreparedEntity {
                    local,
                    pinned: e.pinned,
                    kind: e.kind,
                    name: e.name,
                    roles: e.roles,
                    aliases_end: aliases.len(),
                    keys_end: keys.keys.len(),
                }
            })
            .collect();
        PreparedCast { entities, keys, aliases }
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The name of entity `id`, as [`Entity::name`].
    pub fn name(&self, id: EntityId) -> &str {
        &self.entities[id].name
    }

    /// The kind of entity `id`.
    pub fn kind(&self, id: EntityId) -> SpeakerType {
        self.entities[id].kind
    }
}

#[cfg(test)]
impl Speakers {
    /// What the registry holds for speakers no longer in it: merge keys
    /// and surname-index entries of forgotten slots, and keys that are no
    /// form of their speaker. Empty when forgetting leaves nothing behind.
    pub(crate) fn strays(&self) -> Vec<String> {
        let live = |id: SpeakerId| !self.speakers[id].name.is_empty();
        let mut out = Vec::new();
        for (key, &id) in &self.keys {
            let kind = self.speakers[id].kind;
            let is_form = self.forms[id].keys().any(|form| *key == form_key(kind, form));
            if !live(id) || !is_form {
                out.push(format!("key {key:?} -> {id} {:?}", self.speakers[id]));
            }
        }
        for (word, ids) in self.by_surname.iter().chain(&self.by_single) {
            out.extend(
                ids.iter().filter(|&&id| !live(id)).map(|id| format!("index {word:?} -> {id}")),
            );
        }
        out.extend(self.pinned.keys().filter(|&&id| !live(id)).map(|id| format!("pinned {id}")));
        out
    }
}

/// Index of a speaker in [`Speakers`].
pub type SpeakerId = usize;

/// A name form of a speaker: how often it was seen, and what choosing the
/// canonical name reads of its text, worked out once when the form is
/// first seen. Renaming reads every form of the speaker at each merge, and
/// splitting each form into words there again was a sixth of the cost of
/// merging a cast (issue #5).
#[derive(Clone, Debug)]
///
/// Eight bytes, as the count it replaced was: the registry of a stream keeps
/// a form for every name seen in its window (issue #5: word counts and
/// times seen in a `usize` each added some 16 MB to `quotes` over 1 GB).
struct Form {
    /// Times seen (saturating: more than four billion is beyond any corpus).
    n: u32,
    /// Its words (a name's words are bounded by a sentence's length).
    words: u16,
    /// Whether a word starts lower-case (a mid-sentence particle:
    /// al-Fulani).
    lower_particle: bool,
    /// Whether it is an acronym: one word whose letters are all capitals.
    acronym: bool,
}

impl Form {
    /// [`is_short`], from what the form keeps.
    fn is_short(&self) -> bool {
        self.acronym || self.words <= 1
    }

    /// What a new form `f` is, seen no times yet.
    ///
    /// Its words split once, and ASCII ones by bytes ([`name_words`]): each
    /// new form was split twice by `split_whitespace`, about 900
    /// instructions a form on the thread that names the articles (issue #5).
    fn new(f: &str) -> Form {
        let (mut words, mut lower_particle) = (0usize, false);
        for w in name_words(f) {
            words += 1;
            lower_particle |= w.starts_with(char::is_lowercase);
        }
        Form {
            n: 0,
            words: u16::try_from(words).unwrap_or(u16::MAX),
            lower_particle,
            acronym: is_acronym(f),
        }
    }

    /// [`Form::new`] as it was, splitting the form twice: the oracle.
    #[cfg(test)]
    fn new_plain(f: &str) -> Form {
        Form {
            n: 0,
            words: u16::try_from(f.split_whitespace().count()).unwrap_or(u16::MAX),
            lower_particle: f.split_whitespace().any(|w| w.starts_with(char::is_lowercase)),
            acronym: is_acronym_plain(f),
        }
    }
}

impl Speakers {
    /// An empty registry.
    pub fn new() -> Speakers {
        Speakers::default()
    }

    /// An empty registry that keeps only what naming needs: each
    /// speaker's name and type. Aliases and roles stay empty, so
    /// [`Speakers::lookup`] finds a speaker by its name alone. For a
    /// stream of articles ([`crate::stream::StreamingNames`]), where a
    /// speaker mentioned throughout would otherwise gather roles and
    /// copies of its name forms for as long as the stream runs.
    pub fn names_only() -> Speakers {
        Speakers { names_only: true, ..Speakers::default() }
    }

    /// The speakers, indexed by [`SpeakerId`].
    pub fn all(&self) -> &[Speaker] {
        &self.speakers
    }

    /// Merges an article's cast and returns, for each of its entities, the
    /// speaker it became.
    pub fn merge(&mut self, article_id: &str, cast: &Cast) -> Vec<SpeakerId> {
        cast.entities().iter().map(|e| self.merge_entity(article_id, e)).collect()
    }

    /// Like [`Speakers::merge`], but an unnamed source that can only ever
    /// match within its own article ("a source", "officials": two words or
    /// fewer) is not stored, and its entry is `None`; its name is its
    /// description. For a stream of articles, where such sources would
    /// otherwise make the registry grow with every article.
    pub fn merge_shared(&mut self, article_id: &str, cast: &Cast) -> Vec<Option<SpeakerId>> {
        cast.entities()
            .iter()
            .map(|e| (!is_article_local(e)).then(|| self.merge_entity(article_id, e)))
            .collect()
    }

    /// [`Speakers::merge_shared`] on a [prepared](PreparedCast) cast: the
    /// same speakers, merged the same way. Its forms are moved into the
    /// registry rather than copied.
    pub fn merge_prepared(&mut self, cast: &mut PreparedCast) -> Vec<Option<SpeakerId>> {
        let PreparedCast { entities, keys, aliases } = cast;
        let (mut first, mut from, mut first_alias) = (0, 0, 0);
        (entities.iter())
            .map(|e| {
                let own = &mut keys.keys[first..e.keys_end];
                let own_aliases = &mut aliases[first_alias..e.aliases_end];
                (first, first_alias) = (e.keys_end, e.aliases_end);
                if e.local {
                    return None;
                }
                let (id, new) = self.merge_keys(&keys.text, from, own, e.kind, &e.name);
                from = own.last().map_or(from, |k| k.end);
                for a in own_aliases {
                    // Most forms were seen before: look before taking it.
                    let forms = &mut self.forms[id];
                    match forms.get_mut(a.as_str()) {
                        Some(form) => form.n = form.n.saturating_add(1),
                        None => {
                            let form = Form { n: 1, ..Form::new(a) };
                            forms.insert(std::mem::take(a), form);
                        }
                    }
                }
                self.merge_rest(id, new, e.pinned.then_some(e.name.as_str()), &e.roles);
                Some(id)
            })
            .collect()
    }

    fn merge_entity(&mut self, article_id: &str, e: &Entity) -> SpeakerId {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.text.clear();
        scratch.keys.clear();
        if is_article_local(e) {
            for part in ["source:", article_id, ":", &e.name] {
                scratch.text.push_str(part);
            }
            scratch.push(false);
        } else {
            scratch.push_entity(e);
        }
        let (id, new) = self.merge_keys(&scratch.text, 0, &mut scratch.keys, e.kind, &e.name);
        self.scratch = scratch;
        self.merge_details(id, new, e);
        id
    }

    /// Looks up the merge keys `keys` of an entity of `kind` named `name`
    /// (their text in `text`, the first starting at `from`), finds its
    /// speaker or adds one, and stores the keys not found under it.
    /// Returns the speaker and whether it is new.
    fn merge_keys(
        &mut self,
        text: &str,
        from: usize,
        keys: &mut [MergeKey],
        kind: SpeakerType,
        name: &str,
    ) -> (SpeakerId, bool) {
        let mut start = from;
        for k in keys.iter_mut() {
            k.found = self.keys.get(&text[start..k.end]).copied();
            start = k.end;
        }
        let mut id = self.find_by_found(kind, keys);
        // A surname-only person joins the one person with that surname.
        if id.is_none() && kind == SpeakerType::Person {
            id = self.by_surname_alone(name);
        }
        let new = id.is_none();
        let id = id.unwrap_or_else(|| self.add_speaker(name, kind));
        // A key found is stored already; one not found may come twice
        // (`Al-Fulani` and `al-Fulani`): the first stays.
        let mut start = from;
        for k in keys.iter() {
            if k.found.is_none() {
                self.keys.entry(text[start..k.end].to_string()).or_insert(id);
            }
            start = k.end;
        }
        (id, new)
    }

    /// The one person whose surname `name` (a person's) is, or whose name
    /// of one word is `name`'s surname.
    fn by_surname_alone(&self, name: &str) -> Option<SpeakerId> {
        // The persons this name may be the surname of, or whose surname it
        // ends with (when they are known by one word).
        let key = name_key(name);
        let candidates = match key.as_slice() {
            [one] => self.by_surname.get(one.as_str()),
            [.., last] => self.by_single.get(last.as_str()),
            [] => None,
        };
        candidates.filter(|c| c.len() == 1).and_then(|c| c.first().copied())
    }

    /// A new speaker for `e`, in a free slot if there is one.
    fn add_speaker(&mut self, name: &str, kind: SpeakerType) -> SpeakerId {
        let speaker =
            Speaker { name: name.to_string(), kind, aliases: Vec::new(), roles: Vec::new() };
        match self.free.pop() {
            Some(slot) => {
                self.speakers[slot] = speaker;
                slot
            }
            None => {
                self.speakers.push(speaker);
                self.forms.push(BTreeMap::new());
                self.speakers.len() - 1
            }
        }
    }

    /// Merging `e` into speaker `id` once its keys are stored: its forms,
    /// pin and roles, and the name chosen from them.
    fn merge_details(&mut self, id: SpeakerId, new: bool, e: &Entity) {
        for a in &e.aliases {
            // Most forms were seen before: look before copying it.
            let forms = &mut self.forms[id];
            match forms.get_mut(a) {
                Some(form) => form.n = form.n.saturating_add(1),
                None => {
                    forms.insert(a.clone(), Form { n: 1, ..Form::new(a) });
                }
            }
        }
        self.merge_rest(id, new, e.pinned.then_some(e.name.as_str()), &e.roles);
    }

    /// Merging into speaker `id`, once its forms are counted: its pin
    /// (`pinned`, the entity's name when it is pinned) and roles, and the
    /// name chosen.
    fn merge_rest(&mut self, id: SpeakerId, new: bool, pinned: Option<&str>, roles: &[String]) {
        if let Some(name) = pinned {
            self.pinned.insert(id, name.to_string());
        }
        let s = &mut self.speakers[id];
        for r in roles.iter().filter(|_| !self.names_only) {
            if !s.roles.contains(r) {
                s.roles.push(r.clone());
            }
        }
        // A speaker met before is indexed under its name already: the
        // index changes only when renaming changes the name, which most
        // merges do not (issue #5).
        let before = self.rename(id);
        // (Only persons are indexed: no key is made for the others' names.)
        if (new || before.is_some()) && self.speakers[id].kind == SpeakerType::Person {
            if let Some(before) = before.filter(|_| !new) {
                self.index_key(id, &name_key(&before), false);
            }
            self.index_name(id, true);
        }
    }

    /// [`Speakers::find_by_keys`] on keys looked up already.
    fn find_by_found(&self, kind: SpeakerType, keys: &[MergeKey]) -> Option<SpeakerId> {
        if kind == SpeakerType::UnnamedSource || keys.iter().all(|k| k.short) {
            return keys.iter().find_map(|k| k.found);
        }
        // Full forms first, then short ones, each in alias order.
        let full = keys.iter().filter(|k| !k.short);
        full.chain(keys.iter().filter(|k| k.short)).find_map(|k| {
            let id = k.found?;
            (!k.short || self.forms[id].values().all(Form::is_short)).then_some(id)
        })
    }

    /// [`Speakers::merge_entity`] as it was before its keys were built
    /// into one buffer and looked up once: the oracle the tests hold it to.
    #[cfg(test)]
    fn merge_entity_plain(&mut self, article_id: &str, e: &Entity) -> SpeakerId {
        let keys: Vec<String> = match e.kind {
            SpeakerType::UnnamedSource if is_article_local(e) => {
                vec![format!("source:{article_id}:{}", e.name)]
            }
            SpeakerType::UnnamedSource => vec![form_key(e.kind, &e.name)],
            kind => e.aliases.iter().map(|a| form_key(kind, a)).collect(),
        };
        let mut id = self.find_by_keys(e, &keys);
        if id.is_none() && e.kind == SpeakerType::Person {
            id = self.by_surname_alone(&e.name);
        }
        let new = id.is_none();
        let id = id.unwrap_or_else(|| self.add_speaker(&e.name, e.kind));
        for k in keys {
            self.keys.entry(k).or_insert(id);
        }
        self.merge_details(id, new, e);
        id
    }

    /// The speaker one of `keys` (the merge keys of `e`'s aliases, in
    /// order) belongs to, the fullest aliases tried first.
    ///
    /// A short alias (an acronym or a single word, see [`is_short`]) links
    /// an entity that has a longer one only to a speaker known by short
    /// forms alone: `Jane Doe` and `John Doe` stay two people though both
    /// are `Doe` somewhere, and two organisations that share an acronym
    /// (`Northland Port Authority (NPA)`, `Norvia Port Authority (NPA)`)
    /// stay two, while `Doe` or `NPA` alone still links to the one that
    /// form was first merged into. Without this, every person with a
    /// common surname would pile into one speaker (and its forms grow
    /// without bound in a stream, issue #5).
    #[cfg(test)]
    fn find_by_keys(&self, e: &Entity, keys: &[String]) -> Option<SpeakerId> {
        if e.kind == SpeakerType::UnnamedSource || e.aliases.iter().all(|a| is_short(a)) {
            return keys.iter().find_map(|k| self.keys.get(k).copied());
        }
        // Full forms first, then short ones, each in alias order.
        let pairs = || e.aliases.iter().zip(keys);
        let full = pairs().filter(|(a, _)| !is_short(a));
        full.chain(pairs().filter(|(a, _)| is_short(a))).find_map(|(a, k)| {
            let id = *self.keys.get(k)?;
            (!is_short(a) || self.forms[id].values().all(Form::is_short)).then_some(id)
        })
    }

    /// Forgets speaker `id`: no later entity merges with it, and its slot
    /// is reused by the next new speaker (so `id` then names someone
    /// else). Until then it reads as a speaker with an empty name. For a
    /// registry that must not grow with a stream of articles
    /// ([`crate::stream::StreamingNames`]).
    pub fn forget(&mut self, id: SpeakerId) {
        if self.speakers[id].name.is_empty() {
            return;
        }
        self.index_name(id, false);
        let kind = self.speakers[id].kind;
        let forms = std::mem::take(&mut self.forms[id]);
        for form in forms.keys() {
            let key = form_key(kind, form);
            if self.keys.get(&key) == Some(&id) {
                self.keys.remove(&key);
            }
        }
        self.pinned.remove(&id);
        self.speakers[id] =
            Speaker { name: String::new(), kind, aliases: Vec::new(), roles: Vec::new() };
        self.free.push(id);
    }

    /// Adds a person's name to the surname indexes, or removes it.
    fn index_name(&mut self, id: SpeakerId, add: bool) {
        // Only persons are indexed: no key is made for the others (issue
        // #5: keys made for nothing were 0.5 M instructions of 210 M on g500).
        if self.speakers[id].kind != SpeakerType::Person {
            return;
        }
        let key = name_key(&self.speakers[id].name);
        self.index_key(id, &key, add);
    }

    /// Adds a person's name, as its [`name_key`], to the surname indexes,
    /// or removes it.
    fn index_key(&mut self, id: SpeakerId, key: &[FoldedWord], add: bool) {
        if self.speakers[id].kind != SpeakerType::Person {
            return;
        }
        // An emptied set is removed, so forgotten names leave nothing behind.
        let update = |index: &mut NameIndex<String, BTreeSet<SpeakerId>>, word: &str| {
            if add {
                index.entry(word.to_string()).or_default().insert(id);
            } else if let Some(ids) = index.get_mut(word) {
                ids.remove(&id);
                if ids.is_empty() {
                    index.remove(word);
                }
            }
        };
        if let Some(last) = key.last() {
            update(&mut self.by_surname, last);
        }
        if let [one] = key {
            update(&mut self.by_single, one);
        }
    }

    /// Chooses the canonical name and aliases of speaker `id` from the
    /// forms seen, and returns the name it replaced when the name changes.
    ///
    /// The chosen form is borrowed and copied only into a changed name:
    /// most merges keep the name, and copying it before and after each one
    /// was three copies of a name a merge (issue #5).
    fn rename(&mut self, id: SpeakerId) -> Option<String> {
        let forms = &self.forms[id];
        let s = &mut self.speakers[id];
        let aliases = !self.names_only;
        if let Some(name) = self.pinned.get(&id) {
            let before = replace_name(&mut s.name, name);
            if aliases {
                s.aliases = distinct_aliases(forms.keys(), name);
            }
            return before;
        }
        if s.kind == SpeakerType::UnnamedSource {
            if aliases {
                s.aliases = forms.keys().filter(|f| **f != s.name).cloned().collect();
            }
            return None;
        }
        let all_acronyms = forms.values().all(|f| f.acronym);
        let best = forms
            .iter()
            .filter(|(_, form)| !form.acronym || all_acronyms)
            .max_by_key(|(f, form)| {
                // Most words, then a mid-sentence form (al-Fulani over
                // Al-Fulani), then the most frequent, then the first in order.
                (form.words, form.lower_particle, form.n, std::cmp::Reverse(f.as_str()))
            })
            .map(|(f, _)| f);
        // (No form to choose from: the name stays.)
        let unchanged;
        let best: &str = match best {
            Some(best) => best,
            None => {
                unchanged = s.name.clone();
                &unchanged
            }
        };
        // (The keys are compared word by word, as they are folded: an
        // acronym differs from a name of several words at the first.)
        let acronym = forms
            .iter()
            .find(|(f, form)| form.acronym && !all_acronyms && !same_name_key(f, best))
            .map(|(f, _)| f);
        let before = match (acronym, s.kind) {
            // Most merges keep the name: it is formatted only to change it.
            (Some(a), SpeakerType::Organisation) if is_name_with_acronym(&s.name, best, a) => None,
            (Some(a), SpeakerType::Organisation) => {
                replace_name(&mut s.name, &format!("{best} ({a})"))
            }
            _ => replace_name(&mut s.name, best),
        };
        if aliases {
            s.aliases = distinct_aliases(forms.keys(), best);
        }
        before
    }

    /// The speakers whose canonical name or an alias matches `query`:
    /// exactly (case, particles and typography aside), by a name word
    /// (`fulani`), or within a small edit distance (Jaro-Winkler similarity
    /// of at least 0.88 on the folded forms). Best matches first.
    pub fn lookup(&self, query: &str) -> Vec<(SpeakerId, f64)> {
        let q = loose_key(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(SpeakerId, f64)> = self
            .speakers
            .iter()
            .enumerate()
            .filter_map(|(id, s)| {
                let score = std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .map(|form| {
                        let f = loose_key(form);
                        if f == q || text::fold(form) == text::fold(query) {
                            1.0
                        } else if f.split(' ').any(|w| w == q) || f.contains(&q) && q.len() >= 4 {
                            0.95
                        } else {
                            let whole = strsim::jaro_winkler(&f, &q);
                            let word = f
                                .split(' ')
                                .map(|w| strsim::jaro_winkler(w, &q))
                                .fold(0.0, f64::max);
                            whole.max(word * 0.97)
                        }
                    })
                    .fold(0.0, f64::max);
                (score >= 0.88).then_some((id, score))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// Sets `name` to `to` and returns what it was, when that differs.
fn replace_name(name: &mut String, to: &str) -> Option<String> {
    (name != to).then(|| std::mem::replace(name, to.to_string()))
}

/// Whether `a` and `b` have one [`name_key`], folded word by word up to
/// the first that differs, without either key's vector (issue #5: an
/// organisation's acronym was checked against its name at every merge).
fn same_name_key(a: &str, b: &str) -> bool {
    let key = |name| name_words(name).map(|w| text::fold_word(text::strip_particle(w)));
    key(a).eq(key(b))
}

/// Whether `name` is `format!("{best} ({acronym})")`.
fn is_name_with_acronym(name: &str, best: &str, acronym: &str) -> bool {
    let inside = name.strip_prefix(best).and_then(|r| r.strip_prefix(" ("));
    inside.and_then(|r| r.strip_suffix(')')) == Some(acronym)
}

/// The merge key a name form of a speaker of `kind` was stored under (an
/// unnamed source's description is one form; see `merge_entity`).
fn form_key(kind: SpeakerType, form: &str) -> String {
    let mut key = String::new();
    form_key_into(&mut key, kind, form);
    key
}

/// Appends the [`form_key`] of a form to `key`.
fn form_key_into(key: &mut String, kind: SpeakerType, form: &str) {
    match kind {
        SpeakerType::UnnamedSource => {
            key.push_str("source:");
            text::fold_into(form, key);
        }
        kind => {
            registry_key_into(key, kind.as_str(), form);
        }
    }
}

/// Whether a name form is an acronym: one word whose letters are all
/// capitals.
///
/// An ASCII form is told by its bytes: a letter that is not a capital is a
/// lower-case one.
fn is_acronym(f: &str) -> bool {
    if f.contains(' ') {
        return false;
    }
    if f.is_ascii() {
        return !f.bytes().any(|b| b.is_ascii_lowercase());
    }
    f.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// [`is_acronym`] by chars alone: the oracle.
#[cfg(test)]
fn is_acronym_plain(f: &str) -> bool {
    f.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && !f.contains(' ')
}

/// Whether a name form is short: an acronym or a single word (`Doe`,
/// `al-Fulani`, `NPA`), which many speakers may share.
fn is_short(f: &str) -> bool {
    // A single word first: most short forms are, and telling one costs
    // less than asking whether each char is an upper-case letter.
    name_words(f).nth(1).is_none() || is_acronym(f)
}

/// Whether the entity is an unnamed source too vaguely described to be
/// matched outside its article ("a source", "senior officials").
fn is_article_local(e: &Entity) -> bool {
    e.kind == SpeakerType::UnnamedSource
        && (!e.name.contains(' ') || e.name.split(' ').count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_form_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Form>(), 8);
    }
    use SpeakerType::*;

    /// Pieces of awkward names: particles, odd white space (tabs, the
    /// zero-width space that folds to a space), periods that fold to
    /// nothing, non-ASCII letters.
    const NAME_PARTS: [&str; 22] = [
        "Jane", "DOE", "al-", "Al-", "Kaabi", "J.", ".", "R", " ", "  ", "\t", "\x0B", "\u{a0}",
        "\u{200B}", "-", "Ünal", "É", "x", "7", "U.S.", "’", "NPA",
    ];

    /// Attribution links an unknown name as a person without creating
    /// one and, when that finds nothing, does not try it as an
    /// organisation: linking as an organisation only looks up aliases,
    /// which linking as a person looks up too, whatever the kind.
    #[test]
    fn a_name_no_person_link_finds_links_no_organisation() {
        let mut cast = Cast::new();
        let p = cast.link_name("Akram al-Kaabi", Person, true).unwrap();
        let o = cast.link_name("Northland Water Board", Organisation, true).unwrap();
        cast.add_alias(o, "NWB");
        cast.add_alias(p, "The Minister");
        let u = cast.link_name("Rasool", Person, true).unwrap();
        cast.set_weak(u);
        let names = [
            "Akram al-Kaabi",
            "Kaabi",
            "Al-Kaabi",
            "Akram",
            "Northland Water Board",
            "NWB",
            "nwb",
            "Water Board",
            "Board",
            "Northland",
            "The Minister",
            "Minister",
            "Rasool",
            "Jane Rasool",
            "Somebody Else",
            "",
            "  ",
        ];
        for name in names {
            let as_person = cast.link_name(name, Person, false);
            let as_organisation = cast.link_name(name, Organisation, false);
            if as_person.is_none() {
                assert_eq!(as_organisation, None, "{name:?}");
            }
        }
    }

    #[test]
    fn spaced_is_what_joining_the_words_leaves_unchanged() {
        for s in
            ["", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\u{a0}b", "Prime Minister,"]
        {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(is_spaced(s), joined == s && !s.is_empty(), "{s:?}");
        }
    }

    #[test]
    fn words_found_between_spaces_as_in_padded_strings() {
        let padded = |hay: &str, words: &str| format!(" {hay} ").contains(&format!(" {words} "));
        let parts = ["", " ", "  ", "pm", "prime minister", "é", "x", "minister", "pm "];
        for a in parts {
            for b in parts {
                for c in parts {
                    let hay = format!("{a}{b}{c}");
                    for words in parts.iter().chain(&["prime", "ister", " pm", "pm pm"]) {
                        assert_eq!(
                            has_words(&hay, words),
                            padded(&hay, words),
                            "{hay:?} {words:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn name_words_split_as_split_whitespace() {
        let mut names: Vec<String> = (0..128u8)
            .map(|b| format!("Omar{}al-Fulani {} x", char::from(b), char::from(b)))
            .collect();
        names.extend(
            ["", " ", "  Jane   Doe ", "Jane\u{a0}Doe", "Jane\u{2009}Doe\x0B"].map(String::from),
        );
        for name in &names {
            let want: Vec<&str> = name.split_whitespace().collect();
            assert_eq!(name_words(name).collect::<Vec<_>>(), want, "{name:?}");
        }
    }

    #[test]
    fn registry_key_is_the_kind_and_the_joined_name_key() {
        for name in ["Akram al-Kaabi", "  Jane   DOE ", "Al-Kaabi", "", "Ünal Çelik", "J.  R."] {
            assert_eq!(
                registry_key("person", name),
                format!("person:{}", name_key(name).join(" ")),
                "{name:?}"
            );
        }
    }

    proptest::proptest! {
        /// `link_name`, which keeps the last name's key and reuses it when
        /// the same name comes again, links every name as linking it with
        /// a key made afresh does, and leaves the name's key behind: names
        /// come again and again, awkward ones and the empty one included.
        #[test]
        fn link_name_with_the_kept_key_links_as_a_fresh_key(
            calls in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "", "Akram al-Kaabi", "Al-Kaabi", "Kaabi", "KAABI", "Jane Doe",
                        "Doe", "  Jane   DOE ", "Ünal Çelik", "J. R.", "x\x0By", "Water Board",
                    ]),
                    proptest::bool::ANY,
                    proptest::bool::ANY,
                ),
                0..24,
            ),
        ) {
            let (mut kept, mut fresh) = (Cast::new(), Cast::new());
            for (name, person, create) in calls {
                let kind = if person { Person } else { Organisation };
                let key = AliasKey::of(name);
                proptest::prop_assert_eq!(
                    kept.link_name(name, kind, create),
                    fresh.link_keyed(name, &key, kind, create),
                    "{:?}", name
                );
                proptest::prop_assert_eq!(&kept.scratch_key, &key);
            }
            proptest::prop_assert_eq!(kept.entities(), fresh.entities());
        }

        /// Two names have the same alias key exactly when they have the
        /// same `name_key`, and the key's words and last word are the
        /// `name_key`'s, on awkward names too: empty words, words that
        /// fold to spaces, tabs.
        #[test]
        fn alias_keys_are_name_keys_in_one_string(
            a in proptest::collection::vec(
                proptest::sample::select(NAME_PARTS.to_vec()),
                0..6,
            ),
            b in proptest::collection::vec(
                proptest::sample::select(NAME_PARTS.to_vec()),
                0..6,
            ),
        ) {
            let (a, b) = (a.concat(), b.concat());
            let (ka, kb) = (AliasKey::of(&a), AliasKey::of(&b));
            proptest::prop_assert_eq!(ka.text == kb.text, name_key(&a) == name_key(&b), "{:?} {:?}", a, b);
            for (name, key) in [(&a, &ka), (&b, &kb)] {
                let words = name_key(name);
                proptest::prop_assert_eq!(key.words, words.len(), "{:?}", name);
                proptest::prop_assert_eq!(key.last_word(), words.last().map(FoldedWord::as_str), "{:?}", name);
            }
        }

        /// The plain-name shortcut of `registry_key` keys every name as
        /// the joined `name_key`, and tells a plain name short as
        /// `is_short` does, on awkward names too.
        #[test]
        fn registry_keys_agree_with_name_keys_anywhere(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Jane", "DOE", "al-", "Al-", "el-", "ash-", "Kaabi", "o'", "J.", "R", "`",
                    " ", "  ", "\t", "\x0B", "\u{a0}", "-", "‐", "Ünal", "ß", "É", "x", "7",
                ]),
                0..10,
            ),
        ) {
            let name: String = parts.concat();
            proptest::prop_assert_eq!(
                registry_key("person", &name),
                format!("person:{}", name_key(&name).join(" ")),
                "{:?}", name
            );
            // What the key's pass says of a plain name's shortness is
            // what `is_short` says.
            let short = registry_key_into(&mut String::new(), "person", &name);
            if let Some(short) = short {
                proptest::prop_assert_eq!(short, is_short(&name), "{:?}", name);
            }
        }
    }

    /// [`is_short`] as it was, before it asked for a single word first.
    fn is_short_plain(f: &str) -> bool {
        is_acronym_plain(f) || f.split_whitespace().nth(1).is_none()
    }

    /// The registry as the tests compare it: the speakers, their forms
    /// and the merge keys, sorted.
    fn registry_state(speakers: &Speakers) -> String {
        let mut keys: Vec<_> = speakers.keys.iter().collect();
        keys.sort();
        let forms: Vec<Vec<(&String, u32)>> =
            speakers.forms.iter().map(|f| f.iter().map(|(k, v)| (k, v.n)).collect()).collect();
        format!("{:?}\n{forms:?}\n{keys:?}\n{:?}", speakers.all(), speakers.strays())
    }

    /// Names for the merge property tests: forms of one name, shared
    /// surnames, acronyms, odd spacing and control characters, empty.
    const AWKWARD_NAMES: [&str; 19] = [
        "Akram al-Kaabi",
        "Al-Kaabi",
        "Kaabi",
        "al-Kaabi",
        "KAABI",
        "Jane Doe",
        "Doe",
        "John Doe",
        "  Jane   DOE ",
        "Ünal Çelik",
        "J. R.",
        "x\x0By",
        "NPA",
        "Northland Port Authority",
        "Norvia Port Authority",
        "N P A",
        "NPA\tX",
        "É",
        "",
    ];

    proptest::proptest! {
        /// Merging with the keys built into one buffer and looked up once
        /// merges as the plain merge does: the same speakers, forms and
        /// keys, casts of awkward names, shared surnames and acronyms,
        /// sources and repeated forms included.
        #[test]
        fn merge_entity_merges_as_the_plain_merge(
            casts in proptest::collection::vec(
                proptest::collection::vec(
                    (
                        proptest::sample::select(AWKWARD_NAMES.to_vec()),
                        0..3usize,
                        proptest::option::of(proptest::sample::select(vec![
                            "NPA", "CENTCOM", "Kaabi", "X",
                        ])),
                    ),
                    0..5,
                ),
                0..8,
            ),
            names_only in proptest::bool::ANY,
        ) {
            let new = || if names_only { Speakers::names_only() } else { Speakers::new() };
            let (mut fast, mut plain) = (new(), new());
            for (n, entities) in casts.iter().enumerate() {
                let mut cast = Cast::new();
                for &(name, kind, alias) in entities {
                    let id = match kind {
                        0 => cast.link_name(name, Person, true),
                        1 => cast.link_name(name, Organisation, true),
                        _ => Some(cast.add_source(format!("unnamed {name} source"))),
                    };
                    if let (Some(id), Some(alias)) = (id, alias) {
                        cast.add_alias(id, alias);
                    }
                }
                let article = format!("a{n}");
                for e in cast.entities() {
                    proptest::prop_assert_eq!(
                        fast.merge_entity(&article, e),
                        plain.merge_entity_plain(&article, e),
                        "{:?}", e
                    );
                }
                if n % 3 == 2 && !fast.all().is_empty() {
                    fast.forget(0);
                    plain.forget(0);
                }
            }
            proptest::prop_assert_eq!(registry_state(&fast), registry_state(&plain));
        }

        /// A prepared cast merges as the cast does ([`Speakers::merge_shared`]):
        /// the same speakers, forms and keys, casts of awkward names,
        /// shared surnames and acronyms, sources local to their article
        /// and not, pinned names and forgotten speakers included.
        #[test]
        fn merge_prepared_merges_as_merge_shared(
            casts in proptest::collection::vec(
                proptest::collection::vec(
                    (
                        proptest::sample::select(AWKWARD_NAMES.to_vec()),
                        0..4usize,
                        proptest::option::of(proptest::sample::select(vec![
                            "NPA", "CENTCOM", "Kaabi", "X",
                        ])),
                    ),
                    0..5,
                ),
                0..8,
            ),
        ) {
            let (mut prepared, mut shared) = (Speakers::names_only(), Speakers::names_only());
            for (n, entities) in casts.iter().enumerate() {
                let mut cast = Cast::new();
                for &(name, kind, alias) in entities {
                    let id = match kind {
                        0 => cast.link_name(name, Person, true),
                        1 => cast.link_name(name, Organisation, true),
                        2 => Some(cast.add_source(format!("unnamed {name} source"))),
                        _ => Some(cast.add_source(name.to_string())),
                    };
                    if let (Some(id), Some(alias)) = (id, alias) {
                        cast.add_alias(id, alias);
                        if alias == "X" {
                            cast.pin(id);
                        }
                    }
                }
                let article = format!("a{n}");
                let want = shared.merge_shared(&article, &cast);
                let mut ready = PreparedCast::new(cast.clone());
                proptest::prop_assert_eq!(ready.len(), cast.entities().len());
                for (e, entity) in cast.entities().iter().enumerate() {
                    proptest::prop_assert_eq!(
                        (ready.name(e), ready.kind(e)),
                        (entity.name.as_str(), entity.kind)
                    );
                }
                proptest::prop_assert_eq!(prepared.merge_prepared(&mut ready), want);
                if n % 3 == 2 && !shared.all().is_empty() {
                    prepared.forget(0);
                    shared.forget(0);
                }
            }
            proptest::prop_assert_eq!(registry_state(&prepared), registry_state(&shared));
        }

        /// Finding an entity by a name word folded as it is compared finds
        /// what folding each word first finds, on awkward names and heads
        /// too (upper case, particles, periods, non-ASCII, odd spaces).
        #[test]
        fn by_name_word_agrees_with_the_plain_rule(
            names in proptest::collection::vec(
                (
                    proptest::collection::vec(
                        proptest::sample::select(vec![
                            "Movement", "movement", "MOVEMENT", "al-Sahel", "Sahel", "U.S.", "us",
                            "É", "é", "Ünal", "ünal", " ", "\t", "\u{a0}", "x", "7", ".", "-",
                        ]),
                        0..5,
                    ),
                    0..3usize,
                ),
                0..6,
            ),
            head in proptest::sample::select(vec![
                "movement", "Movement", "sahel", "al-sahel", "us", "u.s.", "é", "ünal", "x", "",
                "7",
            ]),
        ) {
            let mut cast = Cast::new();
            for (parts, kind) in &names {
                let name = parts.concat();
                match kind {
                    0 => cast.link_name(&name, Person, true),
                    1 => cast.link_name(&name, Organisation, true),
                    _ => Some(cast.add_source(name)),
                };
            }
            for kind in [Person, Organisation, UnnamedSource] {
                proptest::prop_assert_eq!(
                    cast.by_name_word(head, kind),
                    cast.by_name_word_plain(head, kind),
                    "{:?} {:?}", head, kind
                );
            }
        }

        /// A new form's words, particle and acronym are what splitting it
        /// twice by chars says, on awkward forms too.
        #[test]
        fn form_new_agrees_with_the_plain_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "NPA", "N", "Doe", "al-", "el", " ", "  ", "\t", "\x0B", "\u{a0}", "É", "é",
                    "7", ".", "-", "U.S.", "ß", "\u{2003}",
                ]),
                0..6,
            ),
        ) {
            let f: String = parts.concat();
            let (fast, plain) = (Form::new(&f), Form::new_plain(&f));
            proptest::prop_assert_eq!(
                (fast.words, fast.lower_particle, fast.acronym),
                (plain.words, plain.lower_particle, plain.acronym),
                "{:?}", f
            );
        }

        /// `is_short` says what it said before it looked for one word
        /// first, on awkward forms too.
        #[test]
        fn is_short_agrees_with_the_plain_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "NPA", "N", "Doe", "al-", " ", "  ", "\t", "\x0B", "\u{a0}", "É", "é", "7",
                    ".", "-", "U.S.",
                ]),
                0..6,
            ),
        ) {
            let f: String = parts.concat();
            proptest::prop_assert_eq!(is_short(&f), is_short_plain(&f), "{:?}", f);
        }

        /// `same_name_key` compares as the two keys' vectors do.
        #[test]
        fn same_name_key_agrees_with_name_keys(
            a in proptest::sample::select(vec![
                "NPA", "npa", "Al-Kaabi", "Kaabi", "al-Kaabi", "Jane Doe", " jane  doe", "",
                "U.S.", "us", "Ünal", "ünal", "x\x0By",
            ]),
            b in proptest::sample::select(vec![
                "NPA", "Npa", "Kaabi", "al-kaabi", "Jane Doe", "Jane", "", " ", "US", "Ünal",
                "x y",
            ]),
        ) {
            proptest::prop_assert_eq!(same_name_key(a, b), name_key(a) == name_key(b));
        }
    }

    #[test]
    fn a_name_with_its_acronym_is_told_without_formatting_it() {
        for (name, best, a) in [
            ("Water Board (WB)", "Water Board", "WB"),
            ("Water Board (WB)", "Water Board", "W"),
            ("Water Board (WB))", "Water Board", "WB"),
            ("Water Board(WB)", "Water Board", "WB"),
            ("Water Board", "Water Board", ""),
            (" ()", "", ""),
            ("Water Board (WB)", "Water", "WB"),
        ] {
            assert_eq!(is_name_with_acronym(name, best, a), name == format!("{best} ({a})"));
        }
    }

    /// [`role_head`] as it was: the first of each preposition found, the
    /// earliest of those.
    fn role_head_plain(r: &str) -> &str {
        ROLE_PREPOSITIONS.iter().filter_map(|p| r.find(p)).min().map_or(r, |i| &r[..i])
    }

    proptest::proptest! {
        /// The one-pass head of a role is the head the searches found, on
        /// roles with several prepositions, prepositions inside words and
        /// at the ends, and odd spacing.
        #[test]
        fn role_head_agrees_with_the_searches(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " for ", " of ", " to ", " at ", " in ", " with ", " from ", " on ", "for",
                    "spokesperson", "minister", " ", "  ", "é", "o", "n ", "into", " off",
                ]),
                0..8,
            ),
        ) {
            let r: String = parts.concat();
            proptest::prop_assert_eq!(role_head(&r), role_head_plain(&r), "{:?}", r);
        }
    }

    #[test]
    fn aliases_merge_within_an_article() {
        let mut cast = Cast::new();
        let a = cast.link_name("Akram al-Kaabi", Person, true).unwrap();
        assert_eq!(cast.link_name("Al-Kaabi", Person, true), Some(a));
        assert_eq!(cast.link_name("Kaabi", Person, true), Some(a));
        let r = cast.link_name("Rasool", Person, true).unwrap();
        assert_eq!(cast.link_name("Yahya Rasool", Person, true), Some(r));
        assert_eq!(cast.get(r).name, "Yahya Rasool");
        assert_ne!(cast.link_name("Jane Doe", Person, true), Some(a));
        assert_eq!(cast.link_name("Nobody", Person, false), None);
    }

    #[test]
    fn roles_resolve_descriptions() {
        let mut cast = Cast::new();
        let s = cast.link_name("Omar Fulani", Person, true).unwrap();
        cast.add_role(s, "Iraqi Prime Minister");
        let r = cast.link_name("Ali Baba", Person, true).unwrap();
        cast.add_role(r, "military spokesperson for the PM");
        assert_eq!(cast.by_role("pm"), Some(s));
        assert_eq!(cast.by_role("spokesman"), Some(r));
        assert_eq!(cast.by_role("cleric"), None);
    }

    #[test]
    fn casts_merge_across_articles() {
        let mut speakers = Speakers::new();
        let mut one = Cast::new();
        one.link_name("Al-Kaabi", Person, true);
        let mut two = Cast::new();
        two.link_name("Akram al-Kaabi", Person, true);
        let c = two.link_name("US Central Command", Organisation, true).unwrap();
        two.add_alias(c, "CENTCOM");
        let mut three = Cast::new();
        three.link_name("Kaabi", Person, true);
        three.add_source("unnamed source".into());
        let a = speakers.merge("one", &one);
        let b = speakers.merge("two", &two);
        let d = speakers.merge("three", &three);
        assert_eq!(a[0], b[0]);
        assert_eq!(d[0], b[0]);
        let all = speakers.all();
        assert_eq!(all[a[0]].name, "Akram al-Kaabi");
        assert_eq!(all[a[0]].aliases, ["Al-Kaabi", "Kaabi"]);
        assert_eq!(all[b[1]].name, "US Central Command (CENTCOM)");
        let mut four = Cast::new();
        four.add_source("unnamed source".into());
        assert_ne!(speakers.merge("four", &four)[0], d[1], "unnamed sources stay in their article");
        let mut five = Cast::new();
        five.link_name("al-Kaabi", Person, true);
        let e = speakers.merge("five", &five);
        assert_eq!(
            speakers.all()[e[0]].aliases,
            ["Kaabi", "al-Kaabi"],
            "case variants are one alias"
        );
    }

    #[test]
    fn names_only_names_alike_and_forgets_without_a_trace() {
        // Issue #5: the streaming registry keeps no aliases or roles, and a
        // forgotten person leaves no surname index entry behind.
        let mut full = Speakers::new();
        let mut lean = Speakers::names_only();
        let mut one = Cast::new();
        let p = one.link_name("Akram al-Kaabi", Person, true).unwrap();
        one.add_role(p, "Iraqi Prime Minister");
        let mut two = Cast::new();
        two.link_name("Kaabi", Person, true);
        for (id, cast) in [("one", &one), ("two", &two)] {
            let (f, l) = (full.merge(id, cast), lean.merge(id, cast));
            assert_eq!(full.all()[f[0]].name, lean.all()[l[0]].name);
        }
        let s = &lean.all()[0];
        assert_eq!((s.name.as_str(), s.kind), ("Akram al-Kaabi", Person));
        assert!(s.aliases.is_empty() && s.roles.is_empty(), "{s:?}");
        assert_eq!(full.all()[0].roles, ["Iraqi Prime Minister"]);
        lean.forget(0);
        assert!(lean.by_surname.is_empty() && lean.by_single.is_empty() && lean.keys.is_empty());
    }

    #[test]
    fn a_shared_acronym_links_only_to_a_speaker_known_by_it_alone() {
        use SpeakerType::Organisation;
        let org = |name: Option<&str>, acronym: &str| {
            let mut cast = Cast::new();
            let id = match name {
                Some(name) => cast.link_name(name, Organisation, true).unwrap(),
                None => cast.link_name(acronym, Organisation, true).unwrap(),
            };
            cast.add_alias(id, acronym);
            cast
        };
        let mut speakers = Speakers::names_only();
        let merge = |speakers: &mut Speakers, id: &str, cast: &Cast| speakers.merge(id, cast)[0];
        // Known by its acronym first, then by its full name: one speaker.
        let a = merge(&mut speakers, "a1", &org(None, "NPA"));
        assert_eq!(merge(&mut speakers, "a2", &org(Some("Northland Port Authority"), "NPA")), a);
        assert_eq!(speakers.all()[a].name, "Northland Port Authority (NPA)");
        // Another organisation with the same acronym: another speaker.
        let b = merge(&mut speakers, "a3", &org(Some("Norvia Port Authority"), "NPA"));
        assert_ne!(a, b);
        assert_eq!(speakers.all()[b].name, "Norvia Port Authority (NPA)");
        assert_eq!(speakers.all()[a].name, "Northland Port Authority (NPA)");
        // The acronym alone still finds the first; the full names their own.
        assert_eq!(merge(&mut speakers, "a4", &org(None, "NPA")), a);
        assert_eq!(merge(&mut speakers, "a5", &org(Some("Norvia Port Authority"), "NPA")), b);
        // Forgetting the second leaves the first's acronym in place.
        speakers.forget(b);
        assert_eq!(merge(&mut speakers, "a6", &org(None, "NPA")), a);
        assert!(speakers.strays().is_empty(), "{:?}", speakers.strays());
    }

    #[test]
    fn people_who_share_a_surname_stay_apart() {
        let mut speakers = Speakers::names_only();
        let merge = |speakers: &mut Speakers, n: usize, names: &[&str]| {
            let mut cast = Cast::new();
            for name in names {
                cast.link_name(name, Person, true);
            }
            speakers.merge(&format!("a{n}"), &cast)[0]
        };
        let jane = merge(&mut speakers, 1, &["Jane al-Doe"]);
        // The surname alone: the one person with it.
        assert_eq!(merge(&mut speakers, 2, &["Doe"]), jane);
        let john = merge(&mut speakers, 3, &["John Doe"]);
        assert_ne!(john, jane);
        // An article naming John Doe, then Doe: John, though `Doe` was
        // first merged into Jane.
        assert_eq!(merge(&mut speakers, 4, &["John Doe", "Doe"]), john);
        let omar = merge(&mut speakers, 5, &["Omar Doe", "Doe"]);
        assert!(omar != jane && omar != john);
        assert_eq!(speakers.all()[jane].name, "Jane al-Doe");
        assert_eq!(speakers.all()[john].name, "John Doe");
        // Known by the surname first, then by a full name: one person.
        let fulani = merge(&mut speakers, 6, &["Fulani"]);
        assert_eq!(merge(&mut speakers, 7, &["Omar Fulani", "Fulani"]), fulani);
        assert_eq!(speakers.all()[fulani].name, "Omar Fulani");
    }

    #[test]
    fn lookup_by_alias_case_and_misspelling() {
        let mut speakers = Speakers::new();
        let mut cast = Cast::new();
        cast.link_name("Akram al-Kaabi", Person, true);
        cast.link_name("Yahya Rasool", Person, true);
        speakers.merge("a", &cast);
        for q in ["akram al-kaabi", "KAABI", "al-Kaabi", "Kabi", "Akram al Kaabi", "al-kabi"] {
            let got = speakers.lookup(q);
            assert_eq!(got.first().map(|g| g.0), Some(0), "{q}: {got:?}");
        }
        assert_eq!(speakers.lookup("rasol").first().map(|g| g.0), Some(1));
        assert!(speakers.lookup("Netanyahu").is_empty());
    }
}
