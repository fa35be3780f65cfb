namespace FastTrack.Onboarding.Tenants;

/// <summary>Name pools for people, devices and groups (deterministic by index).</summary>
internal static class NamePool
{
    public static readonly string[] First =
    [
        "Adele", "Alex", "Allan", "Diego", "Enrico", "Grady", "Henrietta", "Irvin", "Isaiah", "Johanna", "Joni", "Lee",
        "Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Patti", "Pradeep", "Christie", "Debra", "Emily", "Gerhart",
        "Hugo", "Ines", "Jakob", "Kenji", "Leila", "Marta", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven",
        "Tomas", "Uma", "Viktor", "Wen", "Yara", "Zoltan", "Amara", "Bruno", "Chloe", "Dmitri", "Elif", "Farah", "Goran",
    ];

    public static readonly string[] Last =
    [
        "Vance", "Wilber", "Deyoung", "Soto", "Gross", "Archie", "Cerrato", "Sauer", "Langer", "Lambert", "Sherman",
        "Gu", "Holloway", "Robbins", "Bowen", "Graham", "Wilke", "Fernandez", "Gupta", "Cline", "Berg", "Braun",
        "Hoffmann", "Costa", "Silva", "Novak", "Tanaka", "Haddad", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor",
        "Petrov", "Quinn", "Rossi", "Schmidt", "Takahashi", "Ueda", "Varga", "Weber", "Yilmaz", "Zhang", "Andersen",
        "Dubois", "Eriksson", "Fischer", "Ivanova", "Jensen", "Kaur", "Lopez", "Murphy", "Nielsen", "Olsen",
    ];

    public static readonly string[] Departments =
        ["Sales", "Marketing", "Finance", "Operations", "Engineering", "Human Resources", "Legal", "Support", "Research", "Logistics"];

    public static readonly string[] Titles =
        ["Specialist", "Analyst", "Manager", "Coordinator", "Engineer", "Consultant", "Director", "Associate", "Lead", "Representative"];

    public static readonly string[] Countries = ["US", "US", "US", "GB", "DE", "FR", "NL", "CA", "IN", "JP"];

    /// <summary>First and last name for person <paramref name="n"/> (spread so neighbours differ).</summary>
    public static (string First, string Last) Person(long n) =>
        (First[(int)((n * 7 + n / First.Length) % First.Length)], Last[(int)((n * 11 + n / 3) % Last.Length)]);
}
