using AlertBot.Core.Text;

namespace AlertBot.Tests.Text;

public sealed class EnglishStemmerTests
{
    // Expected values from the Snowball English sample vocabulary and the algorithm's definition.
    [Theory]
    [InlineData("troop", "troop")]
    [InlineData("troops", "troop")]
    [InlineData("deploy", "deploy")]
    [InlineData("deployed", "deploy")]
    [InlineData("deploying", "deploy")]
    [InlineData("deployment", "deploy")]
    [InlineData("deployments", "deploy")]
    [InlineData("casualty", "casualti")]
    [InlineData("casualties", "casualti")]
    [InlineData("soldiers", "soldier")]
    [InlineData("consign", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("consigning", "consign")]
    [InlineData("consignment", "consign")]
    [InlineData("consistency", "consist")]
    [InlineData("consistently", "consist")]
    [InlineData("consolation", "consol")]
    [InlineData("consolatory", "consolatori")]
    [InlineData("consolidate", "consolid")]
    [InlineData("conspicuously", "conspicu")]
    [InlineData("conspiracy", "conspiraci")]
    [InlineData("conspirators", "conspir")]
    [InlineData("constable", "constabl")]
    [InlineData("constancy", "constanc")]
    [InlineData("knackeries", "knackeri")]
    [InlineData("kneeling", "kneel")]
    [InlineData("knightly", "knight")]
    [InlineData("knitting", "knit")]
    [InlineData("knives", "knive")]
    [InlineData("knocker", "knocker")]
    [InlineData("generously", "generous")]
    [InlineData("communism", "communism")]
    [InlineData("hopping", "hop")]
    [InlineData("hoped", "hope")]
    [InlineData("happy", "happi")]
    [InlineData("cries", "cri")]
    [InlineData("ties", "tie")]
    [InlineData("gas", "gas")]
    [InlineData("gaps", "gap")]
    [InlineData("says", "say")]
    [InlineData("relational", "relat")]
    [InlineData("hopefulness", "hope")]
    [InlineData("skies", "sky")]
    [InlineData("news", "news")]
    [InlineData("dying", "die")]
    [InlineData("succeeded", "succeed")]
    [InlineData("proceed", "proceed")]
    [InlineData("agreed", "agre")]
    [InlineData("feed", "feed")]
    [InlineData("luxuriating", "luxuri")]
    [InlineData("the", "the")]
    [InlineData("by", "by")]
    [InlineData("2024", "2024")]
    [InlineData("1990s", "1990s")]
    public void Words_reduce_to_their_porter2_stem(string word, string stem)
    {
        Assert.Equal(stem, EnglishStemmer.Stem(word));
    }

    [Theory]
    [InlineData("troop", "troops")]
    [InlineData("deploy", "deployed")]
    [InlineData("deploy", "deploying")]
    [InlineData("attack", "attacks")]
    [InlineData("kill", "killed")]
    public void Inflections_of_one_word_meet(string a, string b)
    {
        Assert.Equal(EnglishStemmer.Stem(a), EnglishStemmer.Stem(b));
    }
}
