import type { Language } from './language';

/*
 * Words are listed as normalize() leaves them: lower case, without accents. Modal and auxiliary verbs
 * are included because proposals are phrased as "shall / should / deberán" and that says nothing
 * about what is proposed.
 */
const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: words(`
    a about above across after again against all also am among an and any are around as at be been
    before being below between both but by can could did do does doing during each either etc for from
    further had has have having he her here hers him his how i if in into is it its itself may might
    more most must my no nor not of off on once one only or other others our out over own per same
    shall she should so some such than that the their theirs them themselves then there these they
    this those through throughout to too under until up upon very via was we well were what when
    where whether which while who whom whose why will with within without would you your`),
  es: words(`
    a acerca al algo algun alguna algunas alguno algunos ante antes aun asi bajo cada como con contra
    cual cuales cuando de debe deben debera deberan del desde donde durante e el ella ellas ello ellos
    en entre era es esa esas ese eso esos esta estan estar estas este esten esto estos fue fueron ha
    han hasta hay hacia la las le les lo los mas me mediante mi mientras muy ni no nos o otra otras
    otro otros para pero podra podran por porque pueda puedan que quien quienes se sea sean segun ser
    sera seran si sin sobre su sus tal tambien tan tanto toda todas todo todos tras u un una unas uno
    unos y ya`),
  pt: words(`
    a ao aos apos as ate cada com como contra da das de deve devem devera deverao do dos e ela elas ele
    eles em entre essa essas esse esses esta estas este estes eu foi ha isso isto ja mais mas mediante
    muito na nao nas nem no nos num numa o os ou para pela pelas pelo pelos perante por qual quais
    quando que se sem ser sera serao seu seus sobre sua suas tambem toda todas todo todos um uma umas
    uns`),
  fr: words(`
    a afin au aupres aux avec c ce ces cette chaque d dans de des doit doivent dont du elle elles en
    entre est et etre ete il ils j l la le les leur leurs lors lui m mais n ne ni nous on ou par pas
    plus pour qu que qui s sa sans se selon sera seront ses son sont sous sur t tous tout toute toutes
    un une vers y`),
};

/*
 * Vocabulary that nearly every proposal of a plan of action uses whatever it proposes (who acts, at
 * what level, with which generic verb). Such words still count, but little, so that two proposals
 * that share only "Member States shall establish a national ..." are not taken for the same proposal.
 */
export const GENERIC_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: words(`
    action actions adopt appropriate country countries create develop effective ensure establish
    government governments guarantee implement include including level member members national need
    new order plan policy policies promote provide region regional relevant set state states
    strengthen support`),
  es: words(`
    accion acciones adoptar apropiado crear desarrollar efectivo establecer estado estados garantizar
    gobierno gobiernos implementar incluir miembro miembros nacional nacionales nivel nuevo nuevos pais
    paises plan politica politicas promover region regional regionales fortalecer apoyar asegurar`),
  pt: words(`
    acao acoes adotar criar desenvolver efetivo estabelecer estado estados garantir governo governos
    implementar incluir membro membros nacional nacionais nivel novo novos pais paises plano politica
    politicas promover regiao regional regionais fortalecer apoiar assegurar`),
  fr: words(`
    action actions adopter creer developper efficace etablir etat etats garantir gouvernement
    gouvernements mettre oeuvre inclure membre membres national nationale nationaux niveau nouveau
    nouveaux pays plan politique politiques promouvoir region regional regionale regionaux renforcer
    soutenir assurer`),
};
