"""Word lists of `analysis.actors`: the nouns for people who make statements, and the words
capitalised only because they open a sentence."""

from __future__ import annotations

# Heads of noun phrases that can make statements.
ACTOR_NOUNS = frozenset(
    """official officials analyst analysts leader leaders diplomat diplomats spokesperson
    spokesman spokeswoman minister ministers ministry government governments expert experts
    critic critics lawmaker lawmakers legislator legislators resident residents union unions
    worker workers party parties observer observers economist economists activist activists
    campaigner campaigners group groups residents member members allies ally officer officers
    representative representatives source sources negotiator negotiators employer employers
    association federation chamber council committee commission agency authority authorities
    regulator regulators executive executives chief head president chairman chairwoman
    director directors professor professors researcher researchers scholar scholars
    historian historians commentator commentators candidate candidates senator senators
    mayor governor operators operator company companies firm firms investor investors
    traders trader farmers farmer shippers shipper owners owner opposition rivals rival
    neighbours neighbors partner partners capitals countries nations states people voters
    teachers parents students doctors nurses police prosecutors judge lawyers lawyer
    organisers organizers fans players coach manager managers board spokespeople aides
    aide adviser advisers advisor advisors insiders figures colleagues counterparts region
    regions city cities province provinces capital country state spokesperson supplier
    suppliers retailers retailer providers provider banks bank lenders lender airlines airline
    carriers carrier insurers insurer manufacturers manufacturer producers producer exporters
    exporter importers growers grower businesses landlords tenants hospitals clubs club
    universities charities charity campaigners rivals competitors competitor regulators
    broadcasters publishers newspaper newspapers economists strategists pollsters bankers
    opponents opponent supporters supporter backers proponents advocates sceptics skeptics
    detractors locals villagers islanders citizens taxpayers pensioners families consumers
    customers passengers commuters motorists drivers patients fans protesters demonstrators
    strikers shopkeepers traders merchants neighbours neighbors others""".split()
)


# Capitalised only because they open a sentence: never an actor or a name on their own.
SENTENCE_OPENERS = frozenset(
    """now then also apart but and however meanwhile today yesterday here there still yet so
    instead later earlier first finally overall indeed this that these those what when where
    while scroll watch read click share advertisement certainly clearly obviously perhaps
    maybe unfortunately fortunately sadly luckily thus hence therefore otherwise besides
    nevertheless nonetheless again once soon already even just only lose win to along with for
    additionally finally separately similarly ultimately importantly interestingly notably
    specifically typically currently previously recently initially eventually apparently
    reportedly allegedly surprisingly ironically frankly honestly basically generally usually
    originally traditionally historically officially publicly privately personally likewise
    from by of in on at as after before since until during despite among between through about
    against without within upon via asked speaking citing""".split())
