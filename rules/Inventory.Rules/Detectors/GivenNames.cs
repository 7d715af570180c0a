namespace Inventory.Rules.Detectors;

/// <summary>Common given names of people in English, French, German, Spanish, Italian and Portuguese-speaking countries
/// and of the largest immigrant communities there (a few hundred of the most frequent first names in national birth
/// registers: ONS, INSEE, GfdS, INE), compared accent- and case-insensitively. A value whose first word (or, for
/// "Last, First", the word after the comma) is one of them reads as a person's full name; the list is a signal among
/// others, never a decision alone (<see cref="ValueRules"/>).</summary>
internal static class GivenNames
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // English
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel",
        "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy",
        "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin",
        "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry",
        "tyler", "aaron", "henry", "adam", "peter", "nathan", "zachary", "kyle", "noah", "ethan", "oliver", "harry", "oscar", "leo",
        "charlie", "freddie", "alfie", "archie", "tom", "ben", "sam", "joe", "max", "luke", "liam", "mason", "logan", "lucas", "owen",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty",
        "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa", "deborah",
        "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
        "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria",
        "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan",
        "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara",
        "madison", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris",
        "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla",
        "alexis", "lori", "amelia", "isla", "ava", "mia", "ella", "poppy", "lily", "freya", "chloe", "jane", "kate", "lucy", "ellie",
        "jessie", "holly", "ruby", "evie", "zoe", "harper", "ella", "scarlett", "aria", "layla", "nora", "riley", "zara",
        // French
        "jean", "pierre", "michel", "andre", "philippe", "alain", "bernard", "jacques", "claude", "rene", "louis", "nicolas",
        "christophe", "patrick", "frederic", "laurent", "stephane", "julien", "sebastien", "olivier", "francois", "thierry", "vincent",
        "guillaume", "mathieu", "antoine", "maxime", "romain", "alexandre", "hugo", "theo", "gabriel", "raphael", "arthur", "jules",
        "adam", "mael", "paul", "nathan", "tom", "sacha", "clement", "baptiste", "quentin", "florian", "kevin", "yannick", "cedric",
        "marie", "nathalie", "isabelle", "sylvie", "catherine", "francoise", "christine", "monique", "valerie", "sandrine", "sophie",
        "veronique", "martine", "celine", "camille", "julie", "aurelie", "emilie", "elodie", "claire", "lea", "manon", "chloe",
        "ines", "jade", "louise", "alice", "lina", "rose", "anna", "juliette", "margaux", "pauline", "mathilde", "lucie", "amandine",
        "helene", "anne", "brigitte", "chantal", "nicole", "josiane", "genevieve", "agnes", "beatrice", "laetitia", "zoe", "eloise",
        // German
        "hans", "peter", "wolfgang", "klaus", "jurgen", "juergen", "dieter", "gunter", "guenter", "horst", "manfred", "uwe", "werner",
        "gerhard", "helmut", "heinz", "frank", "bernd", "stefan", "andreas", "thomas", "michael", "markus", "christian", "martin",
        "matthias", "sven", "jens", "jorg", "joerg", "dirk", "tobias", "florian", "sebastian", "alexander", "maximilian", "felix",
        "lukas", "luca", "jonas", "leon", "finn", "elias", "paul", "ben", "noah", "emil", "anton", "jan", "tim", "niklas", "moritz",
        "ursula", "monika", "petra", "sabine", "renate", "helga", "karin", "brigitte", "ingrid", "elke", "birgit", "gabriele",
        "andrea", "claudia", "susanne", "stefanie", "katrin", "nicole", "julia", "anna", "lena", "lea", "hannah", "sophie", "sofia",
        "emilia", "mia", "emma", "leonie", "johanna", "greta", "frieda", "ida", "clara", "marlene", "lina", "jana", "katharina",
        "laura", "sarah", "lisa", "franziska", "melanie", "sandra", "silke", "anja", "heike", "kerstin", "tanja", "jutta",
        // Spanish and Portuguese
        "jose", "antonio", "manuel", "francisco", "juan", "david", "javier", "daniel", "carlos", "jesus", "alejandro", "miguel",
        "rafael", "pedro", "angel", "pablo", "sergio", "fernando", "jorge", "luis", "alberto", "alvaro", "adrian", "diego", "raul",
        "enrique", "ramon", "vicente", "ignacio", "andres", "ruben", "oscar", "victor", "mario", "hugo", "martin", "mateo", "marcos",
        "joao", "tiago", "rodrigo", "goncalo", "afonso", "duarte", "rui", "nuno", "ricardo", "paulo", "andre", "bruno",
        "maria", "carmen", "josefa", "isabel", "ana", "dolores", "pilar", "teresa", "rosa", "cristina", "angela", "laura", "antonia",
        "marta", "elena", "lucia", "mercedes", "manuela", "raquel", "sara", "paula", "rocio", "beatriz", "patricia", "sofia",
        "valentina", "martina", "daniela", "julia", "alba", "irene", "andrea", "claudia", "silvia", "monica", "nuria", "lorena",
        "ines", "beatriz", "leonor", "matilde", "mariana", "joana", "catarina", "francisca", "carolina", "rita", "margarida",
        // Italian
        "giuseppe", "giovanni", "francesco", "marco", "alessandro", "andrea", "matteo", "lorenzo", "leonardo", "riccardo", "luca",
        "stefano", "roberto", "paolo", "massimo", "giulia", "francesca", "chiara", "sara", "martina", "alessia", "federica", "elisa",
        "giorgia", "aurora", "silvia", "valentina", "elisabetta", "roberta", "simona",
        // Other frequent given names in these countries
        "mohamed", "mohammed", "muhammad", "ahmed", "ali", "omar", "youssef", "yusuf", "ibrahim", "hassan", "karim", "mehmet",
        "mustafa", "fatima", "aisha", "amina", "nour", "leila", "layla", "yasmin", "sara", "zeynep", "elif", "emine", "ayse",
        "wei", "li", "hui", "yuki", "hiroshi", "kenji", "priya", "raj", "anil", "sunita", "olga", "irina", "natalia", "anastasia",
        "dmitri", "sergei", "ivan", "piotr", "anna", "katarzyna", "agnieszka", "tomasz", "krzysztof", "aleksandra", "mihai", "andrei",
    };

    /// <summary>True when a folded word (<see cref="NameTokenizer.Fold"/>: lower case, accents removed) is one of the
    /// common given names.</summary>
    /// <param name="folded">The folded word.</param>
    public static bool IsGivenName(string folded) => Names.Contains(folded);

    /// <summary>True when a folded word (<see cref="NameTokenizer.Fold(string)"/>) is one of the common given names; the
    /// same as <see cref="IsGivenName(string)"/> without a string of the word.</summary>
    /// <param name="folded">The folded word.</param>
    public static bool IsGivenName(ReadOnlySpan<char> folded) => NamesBySpan.Contains(folded);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the value reads as a person's full name led by a known given name: at least two words, the first
    /// (or the one after a comma, for "Last, First") in the list.</summary>
    /// <param name="value">A trimmed value.</param>
    public static bool LeadsFullName(ReadOnlySpan<char> value)
    {
        int comma = value.IndexOf(',');
        var head = comma > 0 ? value[(comma + 1)..].TrimStart() : value;
        int space = head.IndexOfAny(' ', '-');
        if (comma <= 0 && (space <= 0 || value.IndexOf(' ') < 0)) return false;
        var word = space > 0 ? head[..space] : head;
        if (word.Length is < 2 or > 20) return false;
        return NamesBySpan.Contains(NameTokenizer.Fold(word, stackalloc char[64]));
    }
}
