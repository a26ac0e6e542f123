// English and German function words: what two sentences share without sharing content.
export const STOPWORDS = new Set(
  ("a an the and or but of in on at to for from by with as is are was were be been has have had do does did not no this that these those " +
    "it its their our your his her they we you he she i which who what how when where while than then so such also very more most many much " +
    "can could may might must will would should shall into over under about after before between within through during other some any all " +
    "each both own same new one two three four five six seven eight nine ten several few first last said says " +
    "der die das den dem des ein eine einer eines einem einen und oder aber nicht auch ist sind war waren wird werden wurde wurden hat haben hatte " +
    "sich sie er es wir ihr ich mit von zu zum zur im in an am auf aus bei für über unter nach vor um als wie dass noch nur schon sehr mehr").split(" "),
);
