namespace AlertBot.Core.Text;

/// <summary>
/// The Porter2 ("Snowball English") stemmer, so that troop/troops and deploy/deployed/deploying meet.
/// Follows https://snowballstem.org/algorithms/english/stemmer.html with the original three R1
/// exceptions (gener, commun, arsen). Input is a folded token; tokens holding anything but a–z
/// (digits, other scripts) are returned unchanged. The tokenizer already removed apostrophes, so
/// step 0 has nothing to do.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions1 = new()
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly HashSet<string> Exceptions2 =
        ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    private static readonly string[] Step2Suffixes =
    [
        "ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli", "ation",
        "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi", "li",
    ];

    private static readonly string[] Step3Suffixes = ["ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful"];

    private static readonly string[] Step4Suffixes =
        ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

    public static string Stem(string word)
    {
        if (word.Length <= 2) return word;
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z') return word;
        }
        if (Exceptions1.TryGetValue(word, out var exception)) return exception;

        var w = new Word(word);
        w.Step1A();
        if (Exceptions2.Contains(w.ToString())) return w.ToString();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString().Replace('Y', 'y');
    }

    /// <summary>A word being stemmed: its letters (with consonant y marked as 'Y') and its R1/R2 regions.</summary>
    private sealed class Word
    {
        private string _s;
        private readonly int _r1;
        private readonly int _r2;

        public Word(string word)
        {
            var chars = word.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == 'y' && (i == 0 || IsVowel(chars[i - 1]))) chars[i] = 'Y';
            }
            _s = new string(chars);
            _r1 = _s.StartsWith("gener", StringComparison.Ordinal) ? 5
                : _s.StartsWith("commun", StringComparison.Ordinal) ? 6
                : _s.StartsWith("arsen", StringComparison.Ordinal) ? 5
                : RegionAfter(_s, 0);
            _r2 = RegionAfter(_s, _r1);
        }

        public override string ToString() => _s;

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        /// <summary>Start of the region after the first non-vowel that follows a vowel, from <paramref name="from"/>.</summary>
        private static int RegionAfter(string s, int from)
        {
            for (var i = from + 1; i < s.Length; i++)
            {
                if (!IsVowel(s[i]) && IsVowel(s[i - 1])) return i + 1;
            }
            return s.Length;
        }

        private bool Ends(string suffix) => _s.EndsWith(suffix, StringComparison.Ordinal);

        private bool InR1(string suffix) => _s.Length - suffix.Length >= _r1;

        private bool InR2(string suffix) => _s.Length - suffix.Length >= _r2;

        private void Replace(string suffix, string with) => _s = string.Concat(_s.AsSpan(0, _s.Length - suffix.Length), with);

        private bool HasVowelBefore(int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (IsVowel(_s[i])) return true;
            }
            return false;
        }

        private string? Longest(string[] suffixes)
        {
            // Lists are ordered longest first, so the first hit is the longest.
            foreach (var suffix in suffixes)
            {
                if (Ends(suffix)) return suffix;
            }
            return null;
        }

        /// <summary>A short syllable ends at <paramref name="end"/> (exclusive).</summary>
        private bool ShortSyllableAt(int end)
        {
            if (end == 2) return IsVowel(_s[0]) && !IsVowel(_s[1]);
            if (end < 3) return false;
            var c = _s[end - 1];
            return !IsVowel(c) && c is not ('w' or 'x' or 'Y') && IsVowel(_s[end - 2]) && !IsVowel(_s[end - 3]);
        }

        private bool IsShortWord() => _r1 >= _s.Length && ShortSyllableAt(_s.Length);

        public void Step1A()
        {
            if (Ends("sses")) Replace("sses", "ss");
            else if (Ends("ied") || Ends("ies")) Replace("ies", _s.Length > 4 ? "i" : "ie");
            else if (Ends("us") || Ends("ss")) return;
            else if (Ends("s") && HasVowelBefore(_s.Length - 2)) Replace("s", "");
        }

        public void Step1B()
        {
            if (Ends("eedly") || Ends("eed"))
            {
                var suffix = Ends("eedly") ? "eedly" : "eed";
                if (InR1(suffix)) Replace(suffix, "ee");
                return;
            }
            var found = Ends("ingly") ? "ingly" : Ends("edly") ? "edly" : Ends("ing") ? "ing" : Ends("ed") ? "ed" : null;
            if (found is null || !HasVowelBefore(_s.Length - found.Length)) return;
            Replace(found, "");
            if (Ends("at") || Ends("bl") || Ends("iz")) _s += "e";
            else if (_s.Length >= 2 && _s[^1] == _s[^2] && _s[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
                _s = _s[..^1];
            else if (IsShortWord()) _s += "e";
        }

        public void Step1C()
        {
            if (_s.Length > 2 && _s[^1] is 'y' or 'Y' && !IsVowel(_s[^2])) _s = string.Concat(_s.AsSpan(0, _s.Length - 1), "i");
        }

        public void Step2()
        {
            var suffix = Longest(Step2Suffixes);
            if (suffix is null || !InR1(suffix)) return;
            switch (suffix)
            {
                case "tional": Replace(suffix, "tion"); break;
                case "enci": Replace(suffix, "ence"); break;
                case "anci": Replace(suffix, "ance"); break;
                case "abli": Replace(suffix, "able"); break;
                case "entli": Replace(suffix, "ent"); break;
                case "izer" or "ization": Replace(suffix, "ize"); break;
                case "ational" or "ation" or "ator": Replace(suffix, "ate"); break;
                case "alism" or "aliti" or "alli": Replace(suffix, "al"); break;
                case "fulness": Replace(suffix, "ful"); break;
                case "ousli" or "ousness": Replace(suffix, "ous"); break;
                case "iveness" or "iviti": Replace(suffix, "ive"); break;
                case "biliti" or "bli": Replace(suffix, "ble"); break;
                case "ogi": if (_s.Length > 3 && _s[^4] == 'l') Replace(suffix, "og"); break;
                case "fulli": Replace(suffix, "ful"); break;
                case "lessli": Replace(suffix, "less"); break;
                case "li": if (_s.Length > 2 && _s[^3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't') Replace(suffix, ""); break;
            }
        }

        public void Step3()
        {
            var suffix = Longest(Step3Suffixes);
            if (suffix is null || !InR1(suffix)) return;
            switch (suffix)
            {
                case "tional": Replace(suffix, "tion"); break;
                case "ational": Replace(suffix, "ate"); break;
                case "alize": Replace(suffix, "al"); break;
                case "icate" or "iciti" or "ical": Replace(suffix, "ic"); break;
                case "ful" or "ness": Replace(suffix, ""); break;
                case "ative": if (InR2(suffix)) Replace(suffix, ""); break;
            }
        }

        public void Step4()
        {
            var suffix = Longest(Step4Suffixes);
            if (suffix is null || !InR2(suffix)) return;
            if (suffix == "ion" && (_s.Length < 4 || _s[^4] is not ('s' or 't'))) return;
            Replace(suffix, "");
        }

        public void Step5()
        {
            if (Ends("e"))
            {
                if (InR2("e") || (InR1("e") && !ShortSyllableAt(_s.Length - 1))) Replace("e", "");
            }
            else if (Ends("l") && InR2("l") && _s.Length >= 2 && _s[^2] == 'l') Replace("l", "");
        }
    }
}
