//! The vocabulary of web pages that boilerplate lines are recognised by:
//! folded words and phrases (see [`crate::text::fold`]), general to news
//! sites, never taken from a particular site.

use crate::lexicon::{PhraseSet, WordSet};

/// Social networks and share words: a line of only these is share buttons.
pub(super) static SHARE_WORDS: WordSet = WordSet::new(
    "facebook twitter x linkedin whatsapp telegram pinterest reddit tumblr email e-mail mail
     print share shares sharing tweet messenger viber vk vkontakte skype pocket flipboard sms
     copy link google digg mix threads bluesky mastodon weibo wechat instagram youtube tiktok
     snapchat",
);

/// Words that may stand between share words: `Share on Facebook`.
pub(super) static SHARE_FILLER: WordSet =
    WordSet::new("on via this article story post to the and with by");

/// Phrases of comment forms, folded, one per line: a line containing one
/// is part of a form.
pub(super) static COMMENT_PHRASES: PhraseSet = PhraseSet::new(
    "leave a reply
     leave a comment
     post a comment
     make a comment
     add a comment
     write a comment
     post comment
     submit comment
     cancel reply
     will not be published
     required fields are marked
     all fields required
     all fields are required
     not to be published
     save my name
     captcha
     comments are closed
     logged in to post a comment
     be the first to comment
     no comments yet
     join the discussion
     join the conversation",
);

/// Whole lines, folded, that head a comment section.
pub(super) static COMMENT_HEADINGS: WordSet =
    WordSet::new("comments comment commentaries discussion");

/// Starts of lines, folded, that link to another story.
pub(super) static LINK_STARTS: PhraseSet = PhraseSet::new(
    "also read
     read also
     read more
     see also
     related:
     recommended:
     click here
     don't miss
     must read
     more on this
     watch:
     listen:",
);

/// Whole lines, folded, that head a list of links to other stories.
pub(super) static LINK_HEADINGS: PhraseSet = PhraseSet::new(
    "related
     related articles
     related posts
     related news
     related stories
     related content
     more stories
     more news
     you may also like
     you might also like
     recommended
     recommended for you
     most read
     most popular
     trending
     trending now
     latest news
     read next
     popular posts
     top stories",
);

/// Whole lines, folded, of page navigation.
pub(super) static NAVIGATION: PhraseSet = PhraseSet::new(
    "back to top
     back to top button
     scroll to top
     go to top
     top
     up
     home
     menu
     main menu
     search
     close
     skip to content
     skip to main content
     next
     previous
     next article
     previous article
     next post
     previous post
     load more
     show more",
);

/// Starts of lines, folded, of captions.
pub(super) static CAPTION_STARTS: PhraseSet = PhraseSet::new(
    "photo
     photos
     photo credit
     image
     image credit
     picture
     file photo
     in this photo
     this photo
     in this image
     in this picture
     in this file photo
     credit
     caption
     pictured",
);

/// Words that make a parenthesis a photo credit: `(Photo by AFP)`.
pub(super) static CAPTION_WORDS: WordSet =
    WordSet::new("photo photos photograph image images picture pictures file credit");

/// Starts of lines, folded, of bylines and credits.
pub(super) static BYLINE_STARTS: PhraseSet = PhraseSet::new(
    "edited by
     written by
     reported by
     reporting by
     posted by
     compiled by
     translated by
     produced by
     story by
     words by
     editing by
     writing by
     additional reporting
     with input from
     with inputs from
     with agency inputs
     author
     authors
     reporter
     editor
     source",
);

/// Words of a line that is only a date and time.
pub(super) static TIME_WORDS: WordSet = WordSet::new(
    "january february march april may june july august september october november december
     jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
     saturday sunday mon tue tues wed thu thurs fri sat sun am pm gmt utc est edt cet cest bst
     ist ast pst pdt updated published posted last modified on at ago hour hours minute minutes
     min mins day days",
);

/// Lower-case words a title-case label may contain: `Middle East and
/// Africa`.
pub(super) static LABEL_CONNECTORS: WordSet = WordSet::new("and of the for in on & at");
