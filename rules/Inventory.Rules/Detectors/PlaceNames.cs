namespace Inventory.Rules.Detectors;

/// <summary>
/// Place names that share a person's name shape (trial 32: a materialized view's <c>ville</c> column of city names read
/// 12/12 as people's names): countries, regions and cities, and street names written without a number. Three signs, each
/// checked on the whole value, never on one word of a person's full name:
/// <list type="number">
/// <item>a place's <b>structure</b>: a first word that opens place names and never a person's (<c>San</c>, <c>Santa</c>,
/// <c>Saint-</c>, <c>Sankt</c>, <c>Bad</c>, <c>Neu</c>, <c>North</c>, <c>New</c>, <c>Lake</c>, <c>Ciudad</c>, <c>Puerto</c>,
/// <c>Comunidad</c>, <c>Région</c>…), or a linking word between its parts that person names do not use (<c>am</c>,
/// <c>im</c>, <c>an der</c>, <c>bei</c>, <c>sur</c>, <c>sous</c>, <c>lès</c>, <c>en</c>, <c>upon</c>: <c>Frankfurt am
/// Main</c>, <c>Aix-en-Provence</c>, <c>Stratford-upon-Avon</c>); person-name particles (<c>de</c>, <c>von</c>,
/// <c>del</c>, <c>van</c>) are not among them;</item>
/// <item>a <b>street</b> without its number: a street-type word first or last (<c>Rue Oberkampf</c>, <c>Calle Mayor</c>,
/// <c>Baker Street</c>) or a German street compound (<c>Hauptstraße</c>, <c>Lindenweg</c>, <c>Habichtgasse</c>);</item>
/// <item>a <b>known place</b>: the whole value is one of the countries, the regions (French regions, German and Austrian
/// Länder, Swiss cantons, Spanish autonomous communities and provinces, US states, UK nations) and the largest cities of
/// the four languages' countries, in English, French, German and Spanish spellings (sources: ISO 3166-1 short names and
/// their usual translations, ISO 3166-2 subdivisions, the national statistics offices' largest-city lists).</item>
/// </list>
/// A value led by a common given name (<see cref="GivenNames"/>) is a person's (<c>Victoria Lyon</c>), as is a value that
/// is itself a common given name (<c>Florence</c>, <c>Victoria</c>, <c>Charlotte</c>). Small towns and villages of one
/// word (<c>Übersaxen</c>) keep a surname's shape: the column-level reading of people's names therefore asks for given
/// and family names (<see cref="ValueRules"/>), not for one capitalised word. Pure and thread-safe.
/// </summary>
internal static class PlaceNames
{
    // First words of place names, folded: compass and age prefixes (DE/EN), saints, religious and administrative words,
    // Spanish and Portuguese city words. Articles Le, La and El are left out (they open Breton and Arabic surnames), and so
    // is St. (St. John is a surname).
    private static readonly HashSet<string> OpeningWords = new(StringComparer.Ordinal)
    {
        "san", "santa", "santo", "sao", "saint", "sainte", "sankt", "los", "las", "valle", "villa", "bad", "neu", "alt", "nord", "ost", "west", "sud",
        "north", "south", "east", "new", "lake", "mount", "fort", "port", "ciudad", "puerto", "nuevo", "nueva", "isla",
        "islas", "ile", "iles", "comunidad", "region", "provincia", "principado", "departement", "pays", "bundesland", "landkreis",
        "kanton", "canton", "county", "state", "republic", "republique", "republica", "republik", "royaume", "reino", "kingdom",
        "vereinigtes", "vereinigte", "united", "estados", "etats", "grand", "ober", "unter", "nieder", "hohen",
        "haute", "hautes", "basse", "bas", "haut", "mont", "sierra", "cap", "cabo", "baja", "general",
    };

    // Words linking the parts of a place name, never of a person's.
    private static readonly HashSet<string> LinkingWords = new(StringComparer.Ordinal)
    {
        "am", "im", "an", "in", "ob", "bei", "vor", "sur", "sous", "les", "les", "lez", "en", "aux", "upon", "on", "under",
        "of", "und", "et",
    };

    // Street types that open a street's name (FR: the FANTOIR way types; DE: the prepositions of street names, "Am
    // Steinberg", "An der Dingbank"; ES: INE's tipos de vía), folded.
    private static readonly HashSet<string> StreetOpenings = new(StringComparer.Ordinal)
    {
        "rue", "avenue", "av", "boulevard", "bd", "chemin", "allee", "impasse", "place", "quai", "cours", "route", "passage",
        "voie", "square", "sentier", "faubourg", "parvis", "galerie", "esplanade", "promenade", "rondpoint", "carrefour",
        "chaussee", "cour", "ruelle", "montee", "traverse", "residence", "lotissement", "hameau", "lieudit", "cite", "pont",
        "porte", "am", "im", "zum", "zur",
        "calle", "avenida", "avda", "paseo", "plaza", "carrer", "camino", "ronda", "travesia", "calleja", "glorieta",
        "carretera", "aldea", "arrabal", "bajada", "barranco", "barrio", "bloque", "caserio", "colonia", "conjunto", "edificio",
        "entrada", "escalinata", "explanada", "extramuros", "extrarradio", "ferrocarril", "grupo", "jardines", "manzana",
        "masia", "mirador", "muelle", "parque", "particular", "partida", "pasadizo", "pasaje", "poblado", "poligono",
        "prolongacion", "rambla", "rampa", "riera", "rua", "senda", "subida", "terrenos", "torrente", "urbanizacion", "via",
        "apartamento", "cuesta", "gran", "mercado", "municipio", "chalet", "monte", "quinta", "rincon", "lugar", "huerta",
        "puente", "puerta", "sector", "seccion", "salida", "molino", "arroyo", "alte", "obere", "untere", "neue", "hintere",
        "vordere",
    };

    // Street types that close a street's name (DE; EN: the USPS street suffixes, C1 of Publication 28, without those that
    // are also frequent surnames: Hill, Wells, Park, Green, Field, Mills, Brook, Lane, Way, Court, Close, Ford, Lake…).
    private static readonly HashSet<string> StreetClosings = new(StringComparer.Ordinal)
    {
        "strasse", "str", "weg", "gasse", "platz", "allee", "ufer", "street", "streets", "road", "roads", "avenue", "boulevard",
        "drive", "crescent", "terrace", "gardens", "highway", "harbor", "harbour", "heights", "hollow", "landing", "loop",
        "crossing", "creek", "causeway", "expressway", "freeway", "gateway", "parkway", "skyway", "throughway", "underpass",
        "viaduct", "tunnel", "plaza", "square", "squares", "circle", "circles", "corner", "corners", "estates", "falls", "flat",
        "flats", "forge", "forges", "fork", "forks", "inlet", "isle", "island", "islands", "junction", "junctions", "manor",
        "manors", "meadow", "meadows", "mission", "motorway", "mountain", "mountains", "orchard", "oval", "overpass", "plains",
        "prairie", "ranch", "rapids", "shoal", "shoals", "stravenue", "summit", "trace", "track", "trafficway", "trail",
        "turnpike", "valley", "valleys", "vista", "village", "villages", "ville", "views", "pines", "points", "ridge", "ridges",
        "crest", "cliffs", "bypass", "lakes", "springs", "spurs", "extension", "extensions", "ports", "knolls", "fields",
        "grove", "groves", "haven", "passage", "plain", "radial", "station", "stream", "canyon", "curve", "locks", "harbors",
        "ways", "alleys", "camps", "capes", "dams",
    };

    // Endings of German street compounds (Hauptstraße, Lindenweg): a surname ending so is rare (-weg is kept for its
    // frequency in street names).
    private static readonly string[] StreetEndings =
        ["strasse", "str", "weg", "gasse", "platz", "allee", "ufer", "chaussee", "steig", "brucke", "wiese", "pfad", "stieg", "markt", "promenade", "zeile"];

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        // Countries (ISO 3166-1 short names, EN/FR/DE/ES), the most frequent in these countries' data.
        "france", "germany", "allemagne", "deutschland", "alemania", "spain", "espagne", "spanien", "espana", "italy", "italie",
        "italien", "italia", "portugal", "belgium", "belgique", "belgien", "belgica", "netherlands", "paysbas", "niederlande",
        "paisesbajos", "holland", "hollande", "switzerland", "suisse", "schweiz", "suiza", "austria", "autriche", "osterreich",
        "luxembourg", "luxemburg", "luxemburgo", "ireland", "irlande", "irland", "irlanda", "unitedkingdom", "royaumeuni",
        "vereinigteskonigreich", "reinounido", "england", "angleterre", "inglaterra", "scotland", "ecosse", "schottland",
        "escocia", "wales", "galles", "gales", "denmark", "danemark", "danemark", "dinamarca", "sweden", "suede", "schweden",
        "suecia", "norway", "norvege", "norwegen", "noruega", "finland", "finlande", "finnland", "finlandia", "poland",
        "pologne", "polen", "polonia", "czechia", "tchequie", "tschechien", "chequia", "hungary", "hongrie", "ungarn", "hungria",
        "romania", "roumanie", "rumanien", "rumania", "bulgaria", "bulgarie", "bulgarien", "greece", "grece", "griechenland",
        "grecia", "croatia", "croatie", "kroatien", "croacia", "slovenia", "slovenie", "slowenien", "eslovenia", "slovakia",
        "slovaquie", "slowakei", "eslovaquia", "serbia", "serbie", "serbien", "ukraine", "ucrania", "russia", "russie",
        "russland", "rusia", "turkey", "turquie", "turkei", "turquia", "turkiye", "morocco", "maroc", "marokko", "marruecos",
        "algeria", "algerie", "algerien", "argelia", "tunisia", "tunisie", "tunesien", "tunez", "egypt", "egypte", "agypten",
        "egipto", "senegal", "nigeria", "southafrica", "afriquedusud", "sudafrika", "sudafrica", "canada", "kanada", "mexico",
        "mexique", "mexiko", "unitedstates", "etatsunis", "vereinigtestaaten", "estadosunidos", "usa", "brazil", "bresil",
        "brasilien", "brasil", "argentina", "argentine", "argentinien", "chile", "chili", "colombia", "colombie", "kolumbien",
        "peru", "perou", "venezuela", "ecuador", "equateur", "uruguay", "paraguay", "bolivia", "bolivie", "bolivien", "cuba",
        "kuba", "china", "chine", "japan", "japon", "india", "inde", "indien", "indonesia", "indonesie", "indonesien",
        "australia", "australie", "australien", "newzealand", "nouvellezelande", "neuseeland", "nuevazelanda", "lebanon",
        "liban", "libanon", "libano", "iran", "iraq", "irak", "syria", "syrie", "syrien", "siria", "saudiarabia",
        "arabiesaoudite", "saudiarabien", "arabiasaudita", "vietnam", "thailand", "thailande", "tailandia", "korea", "coree",
        "corea", "philippines", "philippinen", "filipinas", "pakistan", "bangladesh", "madagascar", "madagaskar", "monaco",
        "andorra", "andorre", "liechtenstein", "malta", "malte", "cyprus", "chypre", "zypern", "chipre", "iceland", "islande",
        "island", "islandia", "estonia", "estonie", "estland", "latvia", "lettonie", "lettland", "letonia", "lithuania",
        "lituanie", "litauen", "lituania", "guatemala", "honduras", "panama", "nicaragua", "elsalvador", "costarica",
        // Regions: France (regions and historic regions), Germany and Austria (Länder), Switzerland (cantons), Spain
        // (autonomous communities and provinces), Italy, the United Kingdom and the United States (ISO 3166-2).
        "iledefrance", "bretagne", "brittany", "normandie", "normandy", "alsace", "lorraine", "bourgogne", "burgundy",
        "provence", "corse", "corsica", "auvergne", "aquitaine", "occitanie", "picardie", "champagne", "limousin",
        "languedoc", "languedocroussillon", "midipyrenees", "rhonealpes", "paysdelaloire", "centrevaldeloire", "grandest",
        "hautsdefrance", "nouvelleaquitaine", "auvergnerhonealpes", "bourgognefranchecomte", "provencealpescotedazur",
        "franchecomte", "poitoucharentes", "nordpasdecalais", "savoie", "hautesavoie", "gironde", "finistere", "vendee",
        "bayern", "bavaria", "baviere", "baviera", "badenwurttemberg", "berlin", "brandenburg", "bremen", "hamburg",
        "hessen", "hesse", "niedersachsen", "lowersaxony", "nordrheinwestfalen", "northrhinewestphalia", "rheinlandpfalz",
        "saarland", "sachsen", "saxony", "saxe", "sachsenanhalt", "schleswigholstein", "thuringen", "thuringia", "thuringe",
        "mecklenburgvorpommern", "wien", "vienna", "vienne", "viena", "tirol", "tyrol", "steiermark", "styria", "karnten",
        "salzburg", "burgenland", "vorarlberg", "niederosterreich", "oberosterreich", "zurich", "geneve", "genf", "ginebra",
        "geneva", "bern", "berne", "basel", "bale", "vaud", "waadt", "valais", "wallis", "ticino", "tessin", "aargau",
        "argovie", "luzern", "lucerne", "fribourg", "freiburg", "stgallen", "saintgall", "graubunden", "grisons", "neuchatel",
        "jura", "solothurn", "soleure", "thurgau", "thurgovie", "zug", "zoug", "schwyz", "glarus", "uri", "obwalden",
        "nidwalden", "appenzell", "schaffhausen", "schaffhouse", "andalucia", "andalusia", "andalousie", "andalusien",
        "aragon", "asturias", "asturies", "baleares", "canarias", "canaries", "cantabria", "castillalamancha",
        "castillayleon", "cataluna", "catalunya", "catalonia", "catalogne", "katalonien", "extremadura", "galicia", "galice",
        "galicien", "larioja", "rioja", "madrid", "murcia", "murcie", "navarra", "navarre", "paisvasco", "euskadi",
        "paysbasque", "baskenland", "comunidadvalenciana", "valencia", "valence", "ceuta", "melilla", "alicante", "almeria",
        "badajoz", "barcelona", "barcelone", "burgos", "caceres", "cadiz", "castellon", "cordoba", "cordoue", "cuenca",
        "girona", "gerona", "granada", "grenade", "guadalajara", "huelva", "huesca", "jaen", "leon", "lleida", "lerida",
        "lugo", "malaga", "ourense", "orense", "palencia", "pontevedra", "salamanca", "salamanque", "segovia", "segovie",
        "sevilla", "seville", "sevilla", "soria", "tarragona", "tarragone", "teruel", "toledo", "tolede", "valladolid",
        "zamora", "zaragoza", "saragosse", "saragossa", "alava", "araba", "bizkaia", "vizcaya", "gipuzkoa", "guipuzcoa",
        "lombardia", "lombardy", "lombardie", "lombardei", "piemonte", "piedmont", "piemont", "toscana", "tuscany",
        "toscane", "veneto", "sicilia", "sicily", "sicile", "sizilien", "sardegna", "sardinia", "sardaigne", "sardinien",
        "lazio", "campania", "puglia", "calabria", "liguria", "ligurie", "umbria", "marche", "abruzzo", "friuli",
        "trentino", "northernireland", "irlandedunord", "nordirland", "alabama", "alaska", "arizona", "arkansas",
        "california", "californie", "kalifornien", "colorado", "connecticut", "delaware", "florida", "floride", "georgia",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "louisiane", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "newhampshire", "newjersey", "newmexico", "newyork", "northcarolina", "northdakota", "ohio", "oklahoma", "oregon",
        "pennsylvania", "pennsylvanie", "rhodeisland", "southcarolina", "southdakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "virginie", "washington", "westvirginia", "wisconsin", "wyoming", "aguascalientes",
        "bajacalifornia", "bajacaliforniasur", "bajacalifornianorte", "campeche", "chiapas", "chihuahua", "coahuila", "colima",
        "durango", "guanajuato", "guerrero", "hidalgo", "jalisco", "michoacan", "morelos", "nayarit", "nuevoleon", "oaxaca",
        "queretaro", "quintanaroo", "sanluispotosi", "sinaloa", "sonora", "tabasco", "tamaulipas", "tlaxcala", "veracruz",
        "yucatan", "zacatecas", "distritofederal", "estadodemexico", "obwald", "nidwald", "glaris", "schwytz", "thurgovie",
        "valai", "appenzellrhodesinterieures", "appenzellrhodesexterieures", "bálecampagne", "balecampagne", "baleville",
        // Largest cities (national statistics offices' lists) and capitals, in the four languages' spellings.
        "paris", "marseille", "marsella", "lyon", "lyons", "toulouse", "tolosa", "nice", "niza", "nantes", "montpellier",
        "strasbourg", "strassburg", "estrasburgo", "bordeaux", "burdeos", "lille", "rennes", "reims", "toulon", "grenoble",
        "dijon", "angers", "nimes", "villeurbanne", "clermontferrand", "lehavre", "aixenprovence", "brest", "limoges",
        "tours", "amiens", "perpignan", "metz", "besancon", "orleans", "rouen", "mulhouse", "caen", "nancy", "argenteuil",
        "montreuil", "roubaix", "tourcoing", "avignon", "poitiers", "pau", "larochelle", "calais", "cannes", "antibes",
        "ajaccio", "bastia", "lemans", "saintetienne", "saintdenis", "annecy", "chambery", "valence", "colmar", "troyes",
        "munchen", "munich", "munique", "koln", "cologne", "colonia", "frankfurt", "francfort", "francfort", "stuttgart",
        "dusseldorf", "leipzig", "dortmund", "essen", "dresden", "dresde", "hannover", "hanovre", "nurnberg", "nuremberg",
        "duisburg", "bochum", "wuppertal", "bielefeld", "bonn", "munster", "karlsruhe", "mannheim", "augsburg", "augsbourg",
        "wiesbaden", "gelsenkirchen", "monchengladbach", "braunschweig", "kiel", "chemnitz", "aachen", "aixlachapelle",
        "halle", "magdeburg", "lubeck", "erfurt", "mainz", "mayence", "rostock", "kassel", "potsdam", "heidelberg",
        "regensburg", "wurzburg", "ulm", "graz", "linz", "innsbruck", "klagenfurt", "lausanne", "lugano", "winterthur",
        "sevilla", "zaragoza", "bilbao", "bilbo", "valladolid", "vigo", "gijon", "hospitalet", "vitoria", "elche", "badalona",
        "cartagena", "terrassa", "sabadell", "mostoles", "alcala", "pamplona", "iruna", "donostia", "sansebastian",
        "santander", "logrono", "oviedo", "albacete", "getafe", "leganes", "marbella", "benidorm", "tenerife", "lapalmas",
        "london", "londres", "london", "birmingham", "manchester", "liverpool", "leeds", "glasgow", "edinburgh", "edimbourg",
        "edimburgo", "bristol", "sheffield", "cardiff", "belfast", "newcastle", "nottingham", "leicester", "southampton",
        "dublin", "cork", "brussels", "bruxelles", "brussel", "bruselas", "antwerp", "anvers", "antwerpen", "amberes",
        "ghent", "gand", "gent", "liege", "luttich", "amsterdam", "rotterdam", "lahaye", "denhaag", "thehague", "utrecht",
        "rome", "rom", "roma", "milan", "mailand", "milano", "naples", "neapel", "napoles", "napoli", "turin", "turin",
        "torino", "palermo", "palerme", "genoa", "genes", "genua", "genova", "bologna", "bologne", "bolonia", "florenz",
        "firenze", "venice", "venise", "venedig", "venecia", "venezia", "lisbon", "lisbonne", "lissabon", "lisboa",
        "porto", "oporto", "copenhagen", "copenhague", "kopenhagen", "stockholm", "estocolmo", "oslo", "helsinki",
        "warsaw", "varsovie", "warschau", "varsovia", "krakow", "cracovie", "krakau", "cracovia", "prague", "prag",
        "praga", "budapest", "bucharest", "bucarest", "bukarest", "sofia", "athens", "athenes", "athen", "atenas",
        "istanbul", "estambul", "moscow", "moscou", "moskau", "moscu", "kyiv", "kiev", "casablanca", "rabat", "tunis",
        "alger", "algiers", "argel", "algier", "cairo", "lecaire", "kairo", "elcairo", "dakar", "newyorkcity", "losangeles",
        "chicago", "houston", "phoenix", "philadelphia", "sanantonio", "sandiego", "dallas", "sanfrancisco", "seattle",
        "boston", "miami", "atlanta", "detroit", "toronto", "montreal", "vancouver", "quebec", "ottawa", "mexicocity",
        "ciudaddemexico", "guadalajara", "monterrey", "puebla", "tijuana", "buenosaires", "bogota", "lima", "santiago",
        "caracas", "quito", "montevideo", "saopaulo", "riodejaneiro", "tokyo", "tokio", "beijing", "pekin", "peking",
        "shanghai", "mumbai", "delhi", "sydney", "melbourne",
    };

    // Every country and territory the platform's ICU data names, in English and in its own language (RegionInfo:
    // "Germany" and "Deutschland", "Spain" and "España"), folded: the list above keeps the French, German and Spanish
    // names of the usual ones.
    private static readonly HashSet<string> Regions = BuildRegions();

    private static HashSet<string> BuildRegions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new System.Globalization.RegionInfo(culture.Name);
                names.Add(NameTokenizer.Fold(region.EnglishName));
                names.Add(NameTokenizer.Fold(region.NativeName));
            }
            catch (ArgumentException)
            {
                // A culture without a region: nothing to add.
            }
        }
        return names;
    }

    /// <summary>True when the whole value reads as a place name (see the class summary), not as a person's.</summary>
    /// <param name="value">A trimmed value that has a person's name shape.</param>
    /// <returns>True for a country, region, city or street name; false for anything else, people's names included.</returns>
    public static bool IsPlace(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 70) return false;
        Span<Range> parts = stackalloc Range[12];
        int count = value.SplitAny(parts, " -", StringSplitOptions.RemoveEmptyEntries);
        if (count == 0 || count > 10) return false;
        // Words are folded into stack buffers and looked up as spans: this runs on every value of a person-name candidate.
        Span<char> firstBuffer = stackalloc char[80], buffer = stackalloc char[160];
        var first = NameTokenizer.Fold(value[parts[0]], firstBuffer);
        // A street type closes the name whoever the street is named after (Victoria Street, Julian Drive).
        if (count > 1 && StreetClosingsBySpan.Contains(NameTokenizer.Fold(value[parts[count - 1]], buffer))) return true;
        if (GivenNames.IsGivenName(first)) return false;
        // "Last, First": a surname first (West, Kanye; Villa, David), not a place's opening word.
        bool inverted = value[parts[0]].EndsWith(',');
        if (OpeningWordsBySpan.Contains(first) && count > 1 && !inverted) return true;
        // German streets open with a preposition and an article: An der Dingbank, Auf dem Berg, In den Gärten.
        if (count > 2 && first is "an" or "auf" or "in" or "unter" or "hinter" or "vor" or "uber" && value[parts[1]] is "der" or "den" or "dem" or "die" or "das")
            return true;
        if (count > 1 && StreetOpeningsBySpan.Contains(first) && !inverted) return true;
        for (int i = 1; i < count - 1; i++)
        {
            var part = value[parts[i]];
            // A linking word is written in lower case between the name's parts (Frankfurt am Main, Aix-en-Provence).
            if (part.Length <= 5 && char.IsLower(part[0]) && LinkingWordsBySpan.Contains(NameTokenizer.Fold(part, buffer))) return true;
        }
        if (count == 1)
            foreach (var ending in StreetEndings)
                if (first.Length > ending.Length + 2 && first.EndsWith(ending, StringComparison.Ordinal)) return true;
        var whole = NameTokenizer.Fold(value, buffer);
        return (KnownBySpan.Contains(whole) || RegionsBySpan.Contains(whole)) && !GivenNames.IsGivenName(whole);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpeningWordsBySpan = OpeningWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LinkingWordsBySpan = LinkingWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetOpeningsBySpan = StreetOpenings.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetClosingsBySpan = StreetClosings.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RegionsBySpan = Regions.GetAlternateLookup<ReadOnlySpan<char>>();
}
