/**
 * The BCP 47 tag of every language the `franc` identifier names (its ISO 639-3
 * codes), as `canonicalLanguage` gives it (`eng` is `en`, `cmn` is `zh`, `zlm`
 * is `ms`), written out: working them out on the first guess loads ICU's
 * language names and canonicalizes 178 tags, about 20 ms of every build that
 * reads an article. A test holds the table equal to what `canonicalLanguage`
 * says for every code franc has. `code=tag`; a bare code is its own tag; `code=`
 * has none (ICU does not name it).
 */
const WRITTEN =
  'ace ada afr=af aii= als=sq amh=am arb=ar ayr=ay azj=az bam=bm ban bci= bcl=bik bel=be bem ben=bn bho' +
  ' bin bod=bo bos=bs bug bul=bg bum cat=ca ceb ces=cs cjk= ckb cmn=zh dan=da deu=de dip= dyu ekk=et' +
  ' ell=el emk=man eng=en epo=eo ewe=ee fin=fi fon fra=fr fuf= fuv= gaa glg=gl guj=gu hat=ht hau=ha' +
  ' heb=he hil hin=hi hms= hnj hrv=hr hun=hu hye=hy ibb ibo=ig iii=ii ilo ind=id ita=it jav=jv jpn=ja' +
  ' kan=kn kat=ka kaz=kk kbd kbp= kde khk=mn khm=km kin=rw kir=ky kmb knc=kr kng=kg koi kor=ko lao=lo' +
  ' lin=ln lit=lt lua lug=lg lun lvs=lv mad mag mai mal=ml mar=mr men min mkd=mk mos mya=my ndo=ng nds' +
  ' nhn= nld=nl nno=nn nob=nb npi=ne nso nya=ny nyn pam pan=pa pbu=ps pes=fa plt=mg pol=pl por=pt' +
  ' prs=fa-AF qug quy= quz=qu rmn= ron=ro run=rn rup rus=ru sag=sg sat sco shn sin=si skr= slk=sk slv=sl' +
  ' sna=sn snk som=so sot=st spa=es src=sc srp=sr ssw=ss suk sun=su swe=sv swh=sw tam=ta tat=tt tel=te' +
  ' tem tgk=tg tgl=fil tha=th tir=ti tiv toi= tpi tsn=tn tso=ts tuk=tk tur=tr tzm uig=ug ukr=uk umb' +
  ' urd=ur uzn=uz vec ven=ve vie=vi vmw war wol=wo xho=xh yao ydd=yi yor=yo zgh zlm=ms zul=zu zyb=za';

/** franc's code → its tag, or `undefined` for a code with none; codes not in the table are absent. */
export const FRANC_LANGUAGE_TAGS: ReadonlyMap<string, string | undefined> = new Map(
  WRITTEN.split(' ').map((entry): [string, string | undefined] => {
    const [code, tag] = entry.split('=') as [string, string | undefined];
    return [code, tag === undefined ? code : tag === '' ? undefined : tag];
  }),
);
