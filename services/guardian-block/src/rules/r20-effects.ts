/** R20 (002) what the requester is told when a protected child 0–12 needs no block. Swedish: read by care staff. */
export const ALREADY_IN_EFFECT_EFFECTS: readonly string[] = [
  'Barnet är 0–12 år och har skyddade personuppgifter: vårdnadshavarna kan redan inte växla till barnets journal eller agera ombud för barnet i 1177 e-tjänster. Det sker automatiskt så snart det är registrerat hos Skatteverket; ingen blockering har gjorts och barnets inloggning har inte låsts.',
  'När barnet fyller 13 år kan hen själv logga in på 1177 e-tjänster, och när hen fyller 16 år i 1177 journal.',
  'Utskick till vårdnadshavarna från andra vårdsystem, t.ex. sms-påminnelser från Cosmic Reminders och Folktandvården, påverkas inte och tas bort separat.',
];
