using System.Buffers;
using System.Text.RegularExpressions;

namespace AlertBot.Core.Articles;

/// <summary>
/// Known shapes of page furniture. Whole-line patterns are anchored at both ends so that a real paragraph
/// that merely mentions "comments" or a "source" never matches; sentence patterns remove furniture that a
/// scraper glued into a paragraph (the paywall counter at the end of seed 004).
/// </summary>
internal static partial class FurniturePatterns
{
    /// <summary>A whole line that is furniture wherever it appears.</summary>
    public static bool IsFurnitureLine(string line) => IsFurnitureLine(line.Trim(), maySpanSentenceFurniture: true);

    /// <summary>
    /// As <see cref="IsFurnitureLine(string)"/> for a trimmed line. <paramref name="maySpanSentenceFurniture"/> false says the
    /// caller has already found no <see cref="SentenceFurniture"/> in it (the line is then never made only of such sentences).
    /// Each whole-line shape is tried only when the line opens the way that shape can (<see cref="FurnitureOpenings"/>).
    /// </summary>
    private static bool IsFurnitureLine(string l, bool maySpanSentenceFurniture)
    {
        if (l.Length == 0) return true;
        if (l.Length > 200) return maySpanSentenceFurniture && IsOnlySentenceFurniture(l);
        var shapes = FurnitureOpenings.Of(l);
        return (shapes.HasFlag(FurnitureShape.UiLabel) && UiLabel().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.CommentCounter) && CommentCounter().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.SourceLine) && SourceLine().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.Dateline) && Dateline().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.CreditLine) && CreditLine().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.CapitalCreditLine) && CapitalCreditLine().IsMatch(l))
            || (maySpanSentenceFurniture && IsOnlySentenceFurniture(l))
            || (shapes.HasFlag(FurnitureShape.ShareBar) && ShareBar().IsMatch(l))
            || (shapes.HasFlag(FurnitureShape.ReadingAids) && ReadingAids().IsMatch(l));
    }

    private static bool IsOnlySentenceFurniture(string l) => HasSentenceFurniture(l) && SentenceFurniture().Replace(l, "").Trim().Length == 0;

    /// <summary>
    /// Whether <see cref="SentenceFurniture"/> is found in <paramref name="text"/>. Every alternative of it holds one of
    /// <see cref="SentenceFurnitureWords"/>, rarer in prose than the words it opens with, so text without any is not searched.
    /// </summary>
    private static bool HasSentenceFurniture(string text) =>
        (text.AsSpan().ContainsAny(SentenceFurnitureWords) || text.AsSpan().ContainsAny(OtherCaseForms)) && SentenceFurniture().IsMatch(text);

    /// <summary>
    /// A word that each alternative of <see cref="SentenceFurniture"/> must contain: "… left|remaining", "… subscribers|members",
    /// "… to continue|keep reading", "already a subscriber|have an account?", "… newsletter", "… cookies".
    /// </summary>
    private static readonly SearchValues<string> SentenceFurnitureWords = SearchValues.Create(
        ["left", "remaining", "subscriber", "member", "reading", "account", "newsletter", "cookie"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Characters outside ASCII that the pattern, ignoring case, takes for letters of those words (the Kelvin sign for "k",
    /// the long s for "s", the dotted and dotless i of Turkish casing) but an ordinal search does not: text with one is searched.
    /// </summary>
    private static readonly SearchValues<char> OtherCaseForms = SearchValues.Create("\u212A\u017F\u0130\u0131");

    /// <summary>A heading that opens a block of links to other stories: everything under it that is not prose goes too.</summary>
    public static bool IsBlockHeader(string line) => BlockHeader().IsMatch(line.Trim());

    /// <summary>An author bio: "Stella Nguyen is a highly regarded journalist …".</summary>
    public static bool IsAuthorBio(string line) =>
        MayOpenWithName(line) && BioOpening().IsMatch(line) && JournalismWord().IsMatch(line.Length > 400 ? line[..400] : line);

    /// <summary>
    /// A bio opens with a name of two or more capitalised words (<see cref="BioOpening"/>), the first of them running up to
    /// the line's first white space: unless the line opens "about the author", what follows that white space is a capital.
    /// Most sentences' second word is not, and they are not searched.
    /// </summary>
    private static bool MayOpenWithName(string line)
    {
        if (line.StartsWith("about the author", StringComparison.Ordinal)) return true;
        var i = 0;
        while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        return i < line.Length && char.IsUpper(line[i]);
    }

    /// <summary>Removes furniture sentences glued into a paragraph (paywall counters, newsletter prompts).</summary>
    public static string StripFurnitureSentences(string paragraph) =>
        HasSentenceFurniture(paragraph)
            ? Spaces().Replace(SentenceFurniture().Replace(paragraph, " "), " ").Trim()
            : paragraph;

    /// <summary>
    /// Removes a photo caption and its credit that a scraper ran into the first paragraph
    /// ("… at the Capitol in Washington, June 20, 2024. ANNA MONEYMAKER / GETTY IMAGES VIA AFP unanimous …").
    /// Only a short caption (at most two sentences) before an agency credit is taken as a caption.
    /// </summary>
    public static string StripInlinePhotoCredit(string paragraph)
    {
        var m = InlineCredit().Match(paragraph);
        if (!m.Success) return paragraph;
        var before = paragraph[..m.Index];
        var after = paragraph[(m.Index + m.Length)..].TrimStart();
        var captionSentences = SentenceEnd().Count(before);
        return captionSentences <= 2 && before.Length <= 500 ? after : paragraph[..m.Index].TrimEnd() + " " + after;
    }

    /// <summary>True when the sentence is furniture by itself (used by the summarizer as a last guard).</summary>
    public static bool IsFurnitureSentence(string sentence) =>
        HasSentenceFurniture(sentence) || IsFurnitureLine(sentence.Trim(), maySpanSentenceFurniture: false) || IsAuthorBio(sentence);

    [GeneratedRegex(@"^(?:loading(?: now)?\.*|advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|skip ad|close|menu|search|home|back to top|scroll to continue|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|read more|read full (?:story|article)|show more|see more|load more|more stories|click here(?: to [^.]{0,60})?|sign up|sign in|log in|subscribe(?: now| today)?|already a subscriber\?.*|listen to (?:this )?article.*|print|email|copy link|link copied|font size|play video|watch(?: now| video)?|view gallery|image \d+ of \d+|\d+ of \d+|photo|image|video|audio)[.:!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex UiLabel();

    [GeneratedRegex(@"^(?:\d[\d,.]*k?\s+comments?|comments?\s*[:(]?\s*\d+\)?|no comments(?: yet)?|post(?: a)? comment|leave a (?:comment|reply)|add (?:a )?comment|view(?: all)? comments|show comments|join the (?:conversation|discussion)|be the first to comment.*|comments? (?:are )?closed\.?|\d[\d,]*\s+(?:shares?|views?|likes?|reactions?)|cancel reply|reply)[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentCounter();

    [GeneratedRegex(@"^(?:original(?:ly published)? (?:source|article)|source link|source|sources|via|read the original(?: article)?(?: at| on)?|this (?:article|story) (?:was |first )?(?:originally )?(?:appeared|published) (?:on|in|at)|republished (?:from|with permission)|credit|photo credit|image credit|(?:photo|image|picture)s?(?: by)?)\b(?:\s*[:\-–]\s*.{0,100}|\s+\S{1,100})?$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    // "Published 3 hours ago", "Updated: Jan 5, 2025 10:00 ET", "5 min read", "March 3, 2025".
    [GeneratedRegex(@"^(?:(?:published|updated|posted|last updated|first published)\b[^.]{0,60}|\d{1,3}\s*(?:min(?:ute)?s?|hours?)\s+(?:read|ago)|(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4})(?:[\s,|–-]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\p{Lu}{0,4})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    // "Reporting by X; Editing by Y", "(Photo by X/Getty Images)", "© 2025 Reuters", "Copyright … All rights reserved."
    [GeneratedRegex(@"^(?:\(?(?:reporting|writing|editing|additional reporting|compiled) by\b.*|\(?(?:photo|image|picture|video)s? (?:by|courtesy of|credit:?)\b[^.]{0,120}\)?|(?:©|\(c\)|copyright)\s*(?:\d{4}|[^.]{0,80}all rights reserved).{0,120}|all rights reserved\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();

    // "ANNA MONEYMAKER / GETTY IMAGES VIA AFP" on a line of its own (case-sensitive: agencies credit in capitals).
    [GeneratedRegex(@"^[\p{Lu}][\p{Lu}\s.'’-]{2,60}/\s*[\p{Lu}][\p{Lu}\s/.'’-]{1,60}$")]
    private static partial Regex CapitalCreditLine();

    [GeneratedRegex(@"^(?:share(?: this)?(?: (?:article|story|post|page))?(?: on)?[:\s]*)?(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|messenger|flipboard|copy link|print)[\s|,•·/]*){1,}$|^share(?: this)?(?: (?:article|story|post|page))?:?$|^tweet$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareBar();

    [GeneratedRegex(@"^(?:(?:key|main) (?:points|takeaways)|in brief|newsletter|most (?:read|popular|viewed)|trending(?: now)?|editor'?s picks?|top stories|follow us(?: on .{0,40})?|get the app)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingAids();

    [GeneratedRegex(@"^(?:related(?: posts| articles| stories| news| content| coverage| reading| links)?|read (?:also|more|next)(?: on| about)?|see also|more (?:from|on|about|in|like this)\b.{0,60}|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|recommended(?: for you| stories| reading)?|popular (?:posts|stories|now)|further reading|also read|don'?t miss|must read|latest (?:news|posts|stories)|more stories|other stories|around the web)\s*[:\-–]?$", RegexOptions.IgnoreCase)]
    private static partial Regex BlockHeader();

    // A name of two to four capitalised words opening a sentence about the writer themself.
    [GeneratedRegex(@"^(?:about the author[:\s]*)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is|was|has been|covers|writes|reports|joined)\b")]
    private static partial Regex BioOpening();

    [GeneratedRegex(@"\b(?:journalist|reporter|writer|editor|correspondent|columnist|contributor|freelancer|blogger|author of|journalism|newsroom|covers? (?:news|politics|business|technology|the)|her work|his work|their work|follow (?:her|him|them) on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JournalismWord();

    // Paywall counters and prompts that arrive inside a paragraph. Each alternative is a whole sentence.
    [GeneratedRegex(@"(?:you have (?:\d+(?:[.,]\d+)?\s?%|\d+ (?:free )?articles?) (?:of (?:this|the) article )?(?:left|remaining)(?: to read)?(?: this month)?[.!]?|the rest (?:of (?:this|the) article )?is (?:reserved|available) (?:for|to) (?:subscribers|members)(?: only)?[.!]?|(?:subscribe|sign up|log in|register) (?:now |today )?to (?:continue|keep) reading[^.!?]{0,80}[.!]?|this (?:article|content) is (?:reserved|available|exclusive) (?:for|to) (?:subscribers|members)(?: only)?[.!]?|already (?:a subscriber|have an account)\?\s*(?:log|sign) in[.!]?|sign up for (?:our|the) (?:free )?(?:daily |weekly )?newsletters?[^.!?]{0,120}[.!]?|(?:we|this site) (?:use|uses) cookies[^.!?]{0,160}[.!]?)", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceFurniture();

    [GeneratedRegex(@"(?<=[.!?”""]\s+)[\p{Lu}][\p{Lu}'’.-]+(?:\s+[\p{Lu}][\p{Lu}'’.-]+){0,3}\s*/\s*(?:[\p{Lu}][\p{Lu}.-]*\s*){1,3}(?:VIA\s+[\p{Lu}][\p{Lu}.]+)?\s+(?=\p{Ll})")]
    private static partial Regex InlineCredit();

    [GeneratedRegex(@"[.!?][""”’)]*(?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
