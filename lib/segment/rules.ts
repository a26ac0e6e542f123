// Per-language knowledge the boundary rules consult. Abbreviations are stored lowercased,
// without their final period, with internal periods and no spaces ("z. B." -> "z.b").
import type { Lang } from "../types";

export interface LanguageRules {
  /** Abbreviations that (practically) never end a sentence: "Dr.", "z. B.", "bzw.". */
  neverFinal: ReadonlySet<string>;
  /**
   * Abbreviations that often end a sentence ("U.S.", "Inc.", "Mio."): a boundary only
   * when the next word is a typical sentence opener ("in the U.S. They" vs "the U.S. Army").
   */
  maybeFinal: ReadonlySet<string>;
  /**
   * Abbreviations that usually end a sentence when a capitalised word follows ("9 a.m. Please
   * be on time", "Äpfel, Birnen usw. Die …"), except before a calendar word or an all-caps
   * token ("9 a.m. Monday", "9 a.m. EST").
   */
  usuallyFinal: ReadonlySet<string>;
  /** Weekdays and months, which follow time and date abbreviations mid-sentence. */
  calendarWords: ReadonlySet<string>;
  /** Word endings that mark an abbreviation ("Hauptstr." for Hauptstraße). */
  abbreviationSuffixes: readonly string[];
  /** Abbreviations only when a number follows ("No. 5", "p. 12"); otherwise ordinary words. */
  beforeNumber: ReadonlySet<string>;
  /** Words that typically open a sentence, case-sensitive, used to break ties. */
  starters: ReadonlySet<string>;
  /**
   * The language writes ordinals as "24." ("am 24. November", "Der 2. Versuch"): a short
   * number with a period ends a sentence only before a sentence opener.
   */
  ordinalPeriod: boolean;
}

// Anything that is also an ordinary word ("Ed", "fig", "sec"; German "mag", "Max") belongs in
// maybeFinal or beforeNumber, never in neverFinal: "I met Ed. He left." must split.
const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const EN_NEVER = words(`
  mr mrs ms messrs dr prof rev lt sgt capt cmdr adm gov sen supt
  mme mlle e.g i.e cf vs viz approx ca univ assn figs eq eqs ch secs vol vols eds incl mt
`);
const EN_MAYBE = words(`
  inc ltd co corp llc plc bros jr sr st rd u.s u.k u.n u.s.a e.u ph.d b.a m.a b.sc m.sc
  al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
  min mins hr hrs yr yrs misc govt dept ave blvd ft
  ed gen col rep pres hon est esp fig sec trans
`);
const EN_USUALLY_FINAL = words(`etc a.m p.m bn tn`);
const EN_CALENDAR = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);
const EN_NUMBER = words(`no nos p pp art nr`);
const EN_STARTERS = words(`
  The A An This That These Those It Its He She They We I You His Her Their Our My Your There Here
  But And Or So Yet However Moreover Furthermore Meanwhile Nevertheless Therefore Thus Still Instead
  In On At For From As If When While After Before Although Though Since Because Despite During
  Then Now Today Yesterday Tomorrow What Why How Who Where Which Many Most Some Several All Both
  Each Every No Not One Two Three Also Such Other Another Last Next This
  Nobody Somebody Everybody Someone Everyone Nothing Something Everything None
`);

const DE_NEVER = words(`
  z.b d.h u.u v.a o.ä u.ä s.o s.u z.t i.d.r m.e o.g u.g i.a i.v z.hd z.zt
  bzw ca vgl ggf evtl inkl exkl zzgl abzgl sog bspw insb bzgl lt gem gegr geb gest verh hrsg
  aufl bd bde abb anm dt österr engl franz lat griech allg ehem dr prof hr fr frl str
  dipl ing fa tel pkt ziff vs mo di mi do sa
`);
const DE_MAYBE = words(`
  u.a e.v a.d n.chr v.chr chr mio mrd tsd jh jhd jhdt std min sek ff f co inc ltd corp
  jan feb mär apr jun jul aug sep sept okt nov dez hbf bhf u.v.m
  kap max mind med jur rer nat phil mag
`);
const DE_USUALLY_FINAL = words(`usw usf etc`);
const DE_CALENDAR = words(`
  Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Mo Di Mi Do Fr Sa So
  Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
  Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
`);
const DE_NUMBER = words(`nr art abs s no tab`);
const DE_STARTERS = words(`
  Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ich Ihr Man Dies Diese
  Dieser Dieses Diesem Diesen Doch Aber Und Oder Denn Dann Danach Daher Deshalb Damit Dabei Dazu
  Darum Auch Als Auf Aus Bei Im In Am An Mit Nach Seit Vor Zum Zur Für Über Unter So Wie Wenn Was
  Wer Warum Wo Nun Jetzt Heute Gestern Morgen Zudem Außerdem Allerdings Trotzdem Jedoch Hier Dort
  Sein Seine Ihre Unser Unsere Mein Meine Viele Alle Einige Nicht Kein Keine Schon Noch Insgesamt
  Zunächst Später Anschließend Inzwischen Mittlerweile Laut Nachdem Während Obwohl Weil Da
  Niemand Jemand Keiner Nichts Etwas Jeder Jede Jedes Manche Mehrere Beide Andere
`);

const FR_NEVER = words(`
  m mme mlle mm dr pr me mgr p.ex c.-à-d cf env vol chap éd coll hab ex av apr j.-c
`);
const FR_MAYBE = words(`cie sa jr sr janv févr avr juil sept oct nov déc`);
const FR_NUMBER = words(`p pp n no art`);
const FR_STARTERS = words(`
  Le La Les L Il Elle Ils Elles Nous Vous Je On Mais Et Ou Ce Cet Cette Ces Un Une Des Dans En
  Pour Par Puis Alors Cependant Ainsi Enfin Selon Depuis Après Avant Aujourd Si Quand Comme
`);

/** Titles and a few Latin abbreviations shared by European languages without their own table. */
const GENERIC_NEVER = words(`dr prof mr mrs ms e.g i.e cf vs ca`);
const GENERIC_MAYBE = words(`etc inc ltd co corp`);

/** Languages that write ordinal numbers with a trailing period. */
const ORDINAL_PERIOD = words(`de da nb nn no fi cs sk pl hu sl hr sr bs et lv is tr fo`);

const EMPTY: ReadonlySet<string> = new Set();
const NONE = { usuallyFinal: EMPTY, calendarWords: EMPTY, abbreviationSuffixes: [] as string[] };

const TABLES: Record<string, LanguageRules> = {
  en: { ...NONE, usuallyFinal: EN_USUALLY_FINAL, calendarWords: EN_CALENDAR, neverFinal: EN_NEVER, maybeFinal: EN_MAYBE, beforeNumber: EN_NUMBER, starters: EN_STARTERS, ordinalPeriod: false },
  de: { ...NONE, usuallyFinal: DE_USUALLY_FINAL, calendarWords: DE_CALENDAR, abbreviationSuffixes: ["str"], neverFinal: DE_NEVER, maybeFinal: DE_MAYBE, beforeNumber: DE_NUMBER, starters: DE_STARTERS, ordinalPeriod: true },
  fr: { ...NONE, usuallyFinal: words(`etc`), neverFinal: FR_NEVER, maybeFinal: FR_MAYBE, beforeNumber: FR_NUMBER, starters: FR_STARTERS, ordinalPeriod: false },
};

/** The rules for a language tag ("en", "de-AT", "fr"); unknown languages get generic rules. */
export function rulesFor(lang: Lang): LanguageRules {
  const base = lang.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (
    TABLES[base] ?? {
      ...NONE,
      neverFinal: GENERIC_NEVER,
      maybeFinal: GENERIC_MAYBE,
      beforeNumber: EMPTY,
      starters: EMPTY,
      ordinalPeriod: ORDINAL_PERIOD.has(base),
    }
  );
}
