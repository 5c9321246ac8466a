import type { ChallengeStatus, Kpi, ProcurementModel, Sector } from "./contract.ts";

/**
 * Demo challenges of the demo city organisations (real C40 cities, invented programmes). They go
 * through the real commands (seed-demo-challenges.ts).
 */

export interface DemoChallenge {
  city: string;
  title: string;
  summary: string;
  description: string;
  sectors: Sector[];
  capabilities: string[];
  kpis: Kpi[];
  budget: [number, number, string] | null;
  minTrl: number | null;
  model: ProcurementModel;
  contact: [string, string, string];
  /** Where it is today; "published" ones take questions and ideas now. */
  stage: ChallengeStatus;
  questions?: Array<[asker: string, question: string, answer: string | null]>;
  ideas?: Array<[author: string, title: string, body: string, comment?: [string, string]]>;
}

const note = "(Demo challenge: the programme is invented for the demonstration.)";
const kpi = (metric: string, baseline: number | null, target: number, unit: string): Kpi => ({
  metric,
  baseline,
  target,
  unit,
});

export const demoChallenges: DemoChallenge[] = [
  {
    city: "copenhagen",
    title: "Cloudburst management for Østerbro",
    summary:
      "Hold and route stormwater so that basements, streets and metro entrances stay dry when 100 mm of rain falls in an hour.",
    description: `Copenhagen's cloudburst plan turns streets into temporary canals. We look for **nature-based and digital solutions** for one district:\n\n- retention in courtyards, parks and roofs\n- real-time control of sewer storage\n- warnings to residents 30 minutes ahead\n\nBackground: [Cloudburst Management Plan](https://international.kk.dk/). ${note}`,
    sectors: ["adaptation", "water"],
    capabilities: ["adaptation.stormwater", "water.water-network-optimisation"],
    kpis: [
      kpi("Flooded basements per event", 400, 40, "count"),
      kpi("Stormwater retained", 2000, 25000, "m³"),
    ],
    budget: [150_000_000, 450_000_000, "DKK"],
    minTrl: 6,
    model: "pre_commercial",
    contact: [
      "Sofia Lindqvist",
      "Climate adaptation lead",
      "sofia.lindqvist@demo.city-solutions.org",
    ],
    stage: "published",
    questions: [
      [
        "founder",
        "May a consortium of an SME and a university answer together, and who signs the contract?",
        "Yes. Name a lead partner; the lead signs and the others are subcontractors.",
      ],
      [
        "researcher",
        "Is sensor data from the existing sewer network available to bidders before the proposal deadline?",
        "Yes: one year of 5-minute level data will be shared on request under a data agreement.",
      ],
      ["cluster", "Can the pilot area include private courtyards, or only public land?", null],
    ],
    ideas: [
      [
        "researcher",
        "Blue-green roofs on school buildings",
        "Detention roofs on the district's 12 schools would hold about 3,000 m³ and double as teaching gardens.",
        ["founder", "Combine with level sensors so the roofs empty before the next storm."],
      ],
      [
        "founder",
        "Predictive control of sewer storage",
        "Use the radar nowcast to empty storage tunnels an hour before a cloudburst.",
      ],
    ],
  },
  {
    city: "copenhagen",
    title: "Heat-network decarbonisation: large heat pumps",
    summary:
      "Replace the last gas and coal peak boilers of the district heating network with large heat pumps on seawater and waste heat.",
    description: `The district heating network serves 98% of the city. Peak load still burns fossil fuel. We want partners to develop and operate **large heat pumps** (10–50 MW) on seawater, wastewater and data-centre waste heat. ${note}`,
    sectors: ["energy", "buildings"],
    capabilities: ["energy.heat-pumps", "energy.district-heating"],
    kpis: [kpi("Fossil peak-load heat", 450, 0, "GWh/yr"), kpi("CO2 avoided", null, 90000, "t/yr")],
    budget: [2_000_000_000, 6_000_000_000, "DKK"],
    minTrl: 7,
    model: "innovation_partnership",
    contact: ["Sofia Lindqvist", "Energy planning", "sofia.lindqvist@demo.city-solutions.org"],
    stage: "published",
  },
  {
    city: "mexico",
    title: "E-bus depot charging without grid reinforcement",
    summary:
      "Charge 300 electric buses overnight at the Iztapalapa depot within the existing grid connection, using smart charging and storage.",
    description: `Mexico City is electrifying its trolleybus and Metrobús corridors. The depot's grid connection cannot grow for five years. We offer the depot as a **testbed** for smart charging, second-life batteries and solar canopies. ${note}`,
    sectors: ["mobility", "energy"],
    capabilities: ["mobility.depot-charging", "energy.energy-storage"],
    kpis: [
      kpi("Peak grid demand", 9, 4.5, "MW"),
      kpi("Buses charged per night", 120, 300, "count"),
    ],
    budget: [2_000_000_000, 5_000_000_000, "MXN"],
    minTrl: 7,
    model: "pilot_agreement",
    contact: ["Ana Ruiz", "Electromobility unit", "ana.ruiz@demo.city-solutions.org"],
    stage: "published",
    questions: [
      [
        "founder",
        "Will the depot's 15-minute load data be shared with bidders?",
        "Yes, twelve months of load data are attached to the challenge as a spreadsheet.",
      ],
    ],
  },
  {
    city: "lisbon",
    title: "Urban heat: cool streets in Baixa",
    summary:
      "Lower street surface temperatures in the historic centre by at least 5 °C on summer afternoons without changing its heritage look.",
    description: `Heat waves in Lisbon now last weeks. We award a **prize** to the best cool-pavement, shading or misting concept tested on one street, judged on measured temperature drop, heritage fit and cost. ${note}`,
    sectors: ["adaptation", "buildings"],
    capabilities: ["adaptation.urban-heat"],
    kpis: [kpi("Surface temperature at 15:00 in July", 52, 45, "°C")],
    budget: [25_000_000, 50_000_000, "EUR"],
    minTrl: 5,
    model: "innovation_prize",
    contact: ["Rita Carvalho", "Climate Action Office", "rita.carvalho@demo.city-solutions.org"],
    stage: "published",
    ideas: [
      [
        "cluster",
        "Retractable sail shading between façades",
        "Traditional sails over the narrow streets, retracted in winter, cut radiation on pavements by half.",
      ],
    ],
  },
  {
    city: "lisbon",
    title: "Treated wastewater for park irrigation",
    summary:
      "Market consultation: how could treated wastewater replace drinking water for irrigating the city's parks and gardens?",
    description: `Before we design a procurement we want to **hear the market**: technologies, costs, risks and permits for reusing treated wastewater in 40 parks. ${note}`,
    sectors: ["water", "adaptation"],
    capabilities: ["water.water-reuse"],
    kpis: [kpi("Drinking water used for irrigation", 1_200_000, 300_000, "m³/yr")],
    budget: null,
    minTrl: null,
    model: "market_consultation",
    contact: ["Rita Carvalho", "Water reuse programme", "rita.carvalho@demo.city-solutions.org"],
    stage: "published",
  },
  {
    city: "lisbon",
    title: "Energy renovation of municipal schools",
    summary:
      "Deep renovation of 20 municipal schools to near-zero energy, with indoor climate that keeps pupils cool in June.",
    description: `A competitive dialogue to shape the best combination of insulation, ventilation with heat recovery, solar PV and shading for schools built in the 1970s. ${note}`,
    sectors: ["buildings", "energy"],
    capabilities: ["buildings.deep-retrofit"],
    kpis: [kpi("Primary energy use", 180, 45, "kWh/m²yr")],
    budget: [800_000_000, 1_500_000_000, "EUR"],
    minTrl: 8,
    model: "competitive_dialogue",
    contact: ["Rita Carvalho", "Municipal buildings", "rita.carvalho@demo.city-solutions.org"],
    stage: "published",
  },
  {
    city: "nairobi",
    title: "Construction and demolition waste reuse",
    summary:
      "Divert construction and demolition waste from Dandora dumpsite into recycled aggregates and building blocks.",
    description: `Nairobi produces thousands of tonnes of construction waste a day, most of it dumped. We consult the market on **sorting, crushing and certified recycled products**. ${note}`,
    sectors: ["waste", "buildings"],
    capabilities: ["waste.construction-waste"],
    kpis: [kpi("Waste diverted from landfill", 0, 150000, "t/yr")],
    budget: null,
    minTrl: 6,
    model: "market_consultation",
    contact: ["Wanjiru Kamau", "Solid waste", "wanjiru.kamau@demo.city-solutions.org"],
    stage: "published",
    ideas: [
      [
        "researcher",
        "Mobile crushers at large sites",
        "Crushing on site avoids transport; a deposit on skips pays contractors to sort.",
      ],
    ],
  },
  {
    city: "nairobi",
    title: "Flood early warning for informal settlements",
    summary:
      "Warn residents of Mathare and Kibera of river floods at least two hours ahead, by SMS and community sirens.",
    description: `Low-cost river level sensors, rainfall nowcasting and a warning chain that works without smartphones. Phases: design, prototype, field test. ${note}`,
    sectors: ["adaptation", "data"],
    capabilities: ["adaptation.flood-early-warning"],
    kpis: [kpi("Warning lead time", 0, 2, "hours"), kpi("People reached", null, 400000, "people")],
    budget: [30_000_000, 90_000_000, "KES"],
    minTrl: 4,
    model: "pre_commercial",
    contact: ["Wanjiru Kamau", "Environment and Water", "wanjiru.kamau@demo.city-solutions.org"],
    stage: "published",
  },
  {
    city: "mexico",
    title: "Leak detection in the water network",
    summary:
      "Find and fix leaks in 13,000 km of water mains, where about 40% of the water is lost before it reaches homes.",
    description: `Acoustic sensors, pressure analytics or satellite radar: a competitive dialogue to find what works in our soils and pipes. ${note}`,
    sectors: ["water", "data"],
    capabilities: ["water.leak-detection"],
    kpis: [kpi("Non-revenue water", 40, 25, "%")],
    budget: [3_000_000_000, 8_000_000_000, "MXN"],
    minTrl: 7,
    model: "competitive_dialogue",
    contact: ["Ana Ruiz", "Water utility liaison", "ana.ruiz@demo.city-solutions.org"],
    stage: "evaluation",
  },
  {
    city: "seoul",
    title: "Heat-pump retrofits of apartment blocks",
    summary:
      "Replace gas boilers in 1990s apartment blocks with heat pumps that fit in existing plant rooms and balconies.",
    description: `An innovation partnership to develop compact heat pumps for Seoul's high-rise housing stock. ${note}`,
    sectors: ["buildings", "energy"],
    capabilities: ["energy.heat-pumps", "buildings.deep-retrofit"],
    kpis: [kpi("Gas use per flat", 900, 0, "m³/yr")],
    budget: [5_000_000_000_00, 12_000_000_000_00, "KRW"],
    minTrl: 6,
    model: "innovation_partnership",
    contact: ["Ji-woo Park", "Climate and Environment", "jiwoo.park@demo.city-solutions.org"],
    stage: "awarded",
  },
  {
    city: "seoul",
    title: "Fine dust sensor network at street level",
    summary:
      "Measure PM2.5 at 1,000 street corners every minute, calibrated against reference stations, to target traffic measures.",
    description: `Pre-commercial procurement in three phases; the field test with 200 sensors is running now. ${note}`,
    sectors: ["air", "data"],
    capabilities: ["air.air-quality-monitoring"],
    kpis: [kpi("Monitoring points", 25, 1000, "count")],
    budget: [3_000_000_000_00, 6_000_000_000_00, "KRW"],
    minTrl: 5,
    model: "pre_commercial",
    contact: ["Ji-woo Park", "Air quality", "jiwoo.park@demo.city-solutions.org"],
    stage: "piloting",
  },
  {
    city: "copenhagen",
    title: "Cargo-bike logistics hubs",
    summary:
      "Micro-hubs where parcels move from vans to cargo bikes for the last kilometre in the inner city.",
    description: `Tested in a pilot agreement at two hubs; now part of the city's logistics plan. ${note}`,
    sectors: ["mobility", "air"],
    capabilities: ["mobility.urban-logistics"],
    kpis: [kpi("Van kilometres in the inner city", 100, 60, "index")],
    budget: [5_000_000, 20_000_000, "DKK"],
    minTrl: 7,
    model: "pilot_agreement",
    contact: ["Sofia Lindqvist", "Mobility", "sofia.lindqvist@demo.city-solutions.org"],
    stage: "implemented",
  },
  {
    city: "nairobi",
    title: "Clean cooking for school kitchens",
    summary:
      "Replace firewood in 200 school kitchens with clean cooking that the schools can afford.",
    description: `Cancelled: the programme moved to the national clean-cooking fund. ${note}`,
    sectors: ["energy", "air"],
    capabilities: ["air.clean-cooking"],
    kpis: [kpi("Firewood burnt", 6000, 0, "t/yr")],
    budget: [50_000_000, 100_000_000, "KES"],
    minTrl: 7,
    model: "innovation_prize",
    contact: ["Wanjiru Kamau", "Schools programme", "wanjiru.kamau@demo.city-solutions.org"],
    stage: "cancelled",
  },
  {
    city: "copenhagen",
    title: "Reuse of bricks and timber from demolitions",
    summary:
      "Draft: reclaim bricks and structural timber from municipal demolitions for new public buildings.",
    description: `Still a draft: the team is writing the requirements. ${note}`,
    sectors: ["waste", "buildings"],
    capabilities: ["waste.construction-waste"],
    kpis: [],
    budget: null,
    minTrl: null,
    model: "market_consultation",
    contact: [
      "Sofia Lindqvist",
      "Circular construction",
      "sofia.lindqvist@demo.city-solutions.org",
    ],
    stage: "draft",
  },
];
