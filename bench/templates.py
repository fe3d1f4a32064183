"""Sentences of real news phrasing, modelled on the five articles in `seeds/`.

Slots: `{D}` donor, `{P}` partner, `{R}` region, `{...poss}` possessive,
`{...adj}` adjective, `{DLt}` / `{DL}` / `{DLs}` the donor's leader with title,
full name, surname (`PL` partner leader, `AN` analyst), `{A}` the agency.
A figure slot is its fact's name (`{pledge}`, `{agreements}`); `{agreements|bilateral
documents}` states a count with another noun; a leading `^` capitalises.
"""

from __future__ import annotations

import re

SLOT = re.compile(r"\{(\^?)([A-Za-z_]+)(?:\|((?:[^{}]|\{[A-Za-z_]+\})*))?\}")

TITLES = (
    "{D} is prepared to invest {pledge} in projects across {R}",
    "{D} and {R} build bridges to the future",
    "The first summit of {Radj} and {Dadj} leaders held in {city}",
    "Summit outcomes: a new {Dadj} approach to {R}?",
    "{D} pledges {pledge} for {R} over {N} years",
    "{^event}: what was agreed",
    "{DLt} meets {Radj} leaders in {city}",
    "Dialogue with {R} elevated to the level of heads of state",
)

LEDES = (
    "{^event} was held in {city} on {date}. Leaders from {partners} met with {Dadj} {DLt} to identify directions "
    "for developing partnership in an era of global change.",
    "On {date}, {event} was held in {city}. The {city} Declaration, an ambitious roadmap for future cooperation, "
    "was adopted during the meeting.",
    "For the first time at the level of heads of state, {event} was held in {city} on {date}, bringing together "
    "the leaders of {partners} and {Dadj} {DLt}.",
    "{Dadj} {DLt} hosted the leaders of {partners} in {city} on {date}, the first meeting of its kind since the "
    "cooperation mechanism was established.",
)

FACTS: dict[str, tuple[str, ...]] = {
    "pledge": (
        "{D} is prepared to invest {pledge} in projects across {R}. This was announced by {Dadj} {DLt} following "
        "{event}.",
        "{DLt} also announced {Dposs} intention to invest {pledge} over the next {N} years to support private-sector "
        "projects in {R}.",
        "{D} and {R} set a target of implementing business projects worth a total of {pledge} over the next {N} "
        "years.",
        "{D} intends to invest {pledge} in business projects across {R} over the next {N} years. Priority areas "
        "include environmental initiatives and the transition to carbon neutrality in the energy sector.",
        "{D} unveiled a new initiative for {R}, a {N}-year programme including projects worth {pledge}. Its "
        "priorities include green development, transport connectivity and human capital.",
        "\u201cWe have set a goal of implementing private-sector projects in {R} totaling {pledge} over the next {N} "
        "years,\u201d {DLs} was quoted as saying by the press service.",
    ),
    "agreements": (
        "During {PLtposs} visit to {D}, {agreements|bilateral agreements} worth {agreements_worth} were signed.",
        "{^agreements} totaling {agreements_worth} were signed between {P} and {D}.",
        "Overall, {agreements|bilateral documents} worth {agreements_worth} were signed during {PLtposs} visit.",
        "Perhaps the most impressive outcome of the talks was the signing of {agreements|bilateral agreements} "
        "between {P} and {D} worth {agreements_worth}.",
        "During {PLtposs} visit to {city}, {agreements|new agreements} were signed between the two countries.",
    ),
    "investment": (
        "{PLt} said that {D} is one of the key investors in the {Padj} economy, with total investments of "
        "{investment}.",
        "{P}, which supplies {exports} to {D}, has received {investment} in {Dadj} investments.",
        "{Dadj} investment in {P} has reached {investment} to date, {PLs} told reporters.",
    ),
    "portfolio": (
        "{PLs} noted that in preparation for the summit, a portfolio of cooperation projects with {P} worth "
        "{portfolio} had been assembled.",
        "A project portfolio with {P} worth {portfolio} was announced, and both sides agreed to create a joint "
        "investment platform.",
    ),
    "trade": (
        "Trade between {D} and {P} reached {trade} in {last_year}.",
        "Bilateral trade between {D} and {P} amounted to {trade} in {last_year}, according to official figures.",
        "{Dposs} trade with {P} stood at {trade} in {last_year}, {ANt} {AN} noted.",
    ),
    "relations": (
        "Diplomatic relations between {P} and {D} date back to {relations}.",
        "Diplomatic ties between {D} and {P} were established in {relations}.",
    ),
    "firms": (
        "{^firms|{Dadj} firms} now operate in {P} across sectors such as energy, mining, finance and logistics.",
        "Today {firms|{Dadj} companies} work in {P}, from banking to mining.",
    ),
    "documents": (
        "In total, {documents} were signed between {Dadj} and {Radj} governmental and private entities.",
        "As a result of the summit, {documents|public- and private-sector agreements} were signed.",
        "Overall, {documents} involving both public and private sectors were signed following the summit.",
    ),
    "aid": (
        "In {P}, {Aposs} project portfolio over the first {aid_years} years of its activities "
        "({aid_start}\u2013{aid_end}) included {aid_projects|projects} with a total value of {aid_total}. Of this "
        "amount, {aid_part_a} was allocated to technical assistance and {aid_part_b} to grant aid.",
        "Over the first {aid_years} years of its work ({aid_start}\u2013{aid_end}), {A} has carried out "
        "{aid_projects|projects} in {P} with a total value of {aid_total}. Of this amount, {aid_part_a} went to "
        "technical assistance and {aid_part_b} to grant aid.",
        "{Aposs} portfolio in {P} over the first {aid_years} years of its activities ({aid_start}\u2013{aid_end}) "
        "counts {aid_projects|projects}.",
    ),
    "aid_since": (
        "{A} has played a key role in {P} since {aid_since}, supporting development in water, transport, education, "
        "and more.",
        "Since {aid_since}, {A} has supported {P} in water management, energy and health care.",
    ),
    "scholarships": (
        "Each year, {A} provides {scholarships} for {Padj} officials to pursue master's or doctoral degrees. "
        "{^trained} have already completed training in {D}.",
        "{^trained|specialists} have completed training in {D} so far, and {A} funds {scholarships} every year.",
    ),
}

FILLER = (
    "{Dposs} strategy in {R} initially focused on preventing excessive dependence of the region on its larger "
    "neighbours, while identifying areas where {D} could realistically compete.",
    "{PLt} confirmed readiness to support the priorities proposed by {D}: environmental sustainability, "
    "connectivity, and human capital development.",
    "Noting that climate change poses a particular threat to the mountainous regions, {PLs} proposed establishing "
    "a regional early warning system for natural disasters.",
    "{PLs} also emphasized the strategic importance of hydropower for the country and expressed interest in "
    "{Dadj} technologies in renewable energy.",
    "\u201cIn particular, we expressed our intention to support the uninterrupted functioning of global supply "
    "chains,\u201d {DLs} said.",
    "{P} is actively working with companies including {companies} on major industrial and energy projects.",
    "Among the priorities {PLs} outlined were the green transformation of the economy, methane emissions "
    "reduction, and the development of hydrogen technologies.",
    "The two sides noted the need to shift from isolated projects to a systemic investment strategy.",
    "{P} emphasized its favorable business climate and openness to {Dadj} participation in infrastructure, "
    "energy, and high-tech sectors.",
    "According to {AN}, the summit marks a shift from quiet diplomacy to a strategic institutional partnership.",
    "{Padj} {ANt} {AN} noted the increased significance of {R} for {Dadj} foreign policy.",
    "{D} faces stiff competition from established regional actors, but its image as an innovative partner gives it "
    "a unique edge.",
    "Governments in the region are promoting initiatives in digitalization, artificial intelligence, green energy, "
    "infrastructure modernization, and transport connectivity.",
    "As for the broader impact of the summit, it is too early to draw firm conclusions.",
    "Similar initiatives often do not lead to significant changes in the regional balance of power and remain "
    "largely declarative.",
    "Whether {city} will be able to compete effectively remains an open question, and for now, cautious "
    "assessments appear more appropriate.",
    "{PLs} proposed creating an investment fund for infrastructure and industrial development, as well as a "
    "network of {Dadj} technology parks.",
    "Agreements were also signed with media outlets, banks, and universities.",
    "The region\u2019s reserves of rare earth elements make it a potential hub in the global energy transition.",
    "{D} will help modernize customs procedures and participate in infrastructure development along the Middle "
    "Corridor.",
    "{DLt} described {R} as a region with growing geopolitical and economic potential, rich in energy resources "
    "and human capital.",
    "Central to the talks were critical minerals, logistics and the digitalization of transport corridors.",
    "The leaders discussed the current regional situation and stressed the importance of close cooperation on "
    "international platforms.",
    "{PLt} invited all interested countries to take part in a high-level international conference on water "
    "diplomacy.",
    "{PLs} drew attention to the impacts of climate change and underscored the country's leadership in advancing "
    "water diplomacy.",
    "{Dadj} firms have helped construct fertilizer complexes and modernize the national railway's IT systems.",
    "Other memoranda included partnerships between ministries and {companies}, focusing on artificial intelligence "
    "and digital technologies.",
    "{PLt} oversaw the signing of agreements spanning exports, energy, healthcare, education, tourism, agribusiness, "
    "and digital development.",
    "Key priorities included green energy, IT, critical minerals, mechanical engineering, and healthcare "
    "modernization.",
    "The scaling-up of the One Village, One Product initiative was also supported.",
    "{DLs} highlighted the development and diversification of rare earth supply chains and the expansion of key "
    "transport corridors.",
    "Addressing cross-border connectivity, {PLs} highlighted the role of new airports, railways, and highways "
    "linking {P} with neighboring countries.",
    "Analysts see the talks as a test of whether declarations can become projects.",
    "Notably, the achievements mentioned above did not emerge overnight; they are the result of painstaking, "
    "years-long work.",
    "The combination of {Pposs} resource potential and {Dposs} advanced technology is expected to open favourable "
    "opportunities for cooperation.",
)

BACKGROUND = (
    "Today, the countries of {R} are interested not only in receiving development assistance but also in "
    "attracting investment and advanced technologies across different sectors of their economies, as well as in "
    "building full-scale economic partnerships. Governments in the region are promoting initiatives in "
    "digitalization, artificial intelligence, green energy, infrastructure modernization, and transport "
    "connectivity. From this perspective, {D}, one of the world's leading innovative economies with significant "
    "financial and technological resources, is an attractive partner.",
    "Geographic distance and the economic conditions of the region, including a weak investment climate and low "
    "income levels, long limited the development of strong trade and economic ties with {city}. At the same time, "
    "the region faced numerous socio-economic and political challenges and required support for comprehensive "
    "development and long-term stability. {D} chose to focus on this area, where it could offer a competitive "
    "advantage.",
    "In an era of profound shifts in the globalisation paradigm and increasing fragmentation of the world market "
    "system, cooperation between {R} and {D} is creating a flexible model that transcends national borders and "
    "invests in human capital. The region attracts investment from multiple sources, thereby creating a balanced "
    "system of interests that significantly reduces the risk of over-dependence on any single centre of influence.",
    "{city} began providing financial assistance, technical support, and expertise in areas such as combating "
    "transnational crime, healthcare, environmental protection and disaster prevention, water management, energy, "
    "trade and investment, transport and logistics, and poverty reduction. Its programmes include the "
    "modernization of airports, improvements to road maintenance equipment, and projects providing specialized "
    "medical equipment for the control of infectious diseases.",
    "Against the background of global changes, {D} is reassessing its international role. For the countries of "
    "{R}, increased {Dadj} interest is also beneficial as it supports diversification of foreign relations and "
    "access to additional resources. It remains to be seen whether current expectations of a new era of relations "
    "will translate into concrete results or remain largely rhetorical.",
    "Additional areas of cooperation include developing supply chains for key minerals, disaster risk reduction, "
    "and earthquake preparedness. Projects in agriculture and logistics were also discussed, as were direct flights, "
    "scholarships and training programmes.",
)

PROPOSALS = (
    "an expert forum bringing together leading analytical institutions;",
    "an investment fund for the development of regional infrastructure and industry;",
    "a network of {Dadj} technology parks in {R};",
    "a digital hub for joint projects in artificial intelligence and cybersecurity;",
    "a regional training centre for renewable energy specialists;",
    "an air quality improvement programme and a climate change action plan;",
)

CLOSINGS = (
    "The next summit will be held in {Pcity}.",
    "The leaders agreed to meet again in {Pcity}.",
    "{Dadj} and {Padj} officials will review progress at the next meeting.",
)


def slots(template: str) -> set[str]:
    """The names of a template's slots (`{^agreements|bilateral documents}` -> 'agreements')."""
    return {match.group(2) for match in SLOT.finditer(template)}
