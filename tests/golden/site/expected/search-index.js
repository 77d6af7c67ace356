/* Généré par annuaire : index de recherche (voir assets/recherche.js). */
window.ANNUAIRE = {"version": 2,
"champs": [10, 6, 6, 4, 2, 1],
"termes": ["=1","=2","=25","=78000","acce","=acces","accompagn accompagne","=accueil",
"=alert","aliment alimentation","alloc allocations","allocatair allocataire allocataires","=anglais","apport apporter","arab arabe","=arret",
"=ascenseur","associ associatifs","=avant","avenu avenue","=b","=base64","=body","=bus",
"=caf","caiss caisse","chaqu chaque","ci cie","=clic","complex complexe","dat data","demarch demarches",
"=display","dist distante","droit droits","epicer epicerie","=essais","etap etape","=etc","=evil",
"exampl example","exempl exemple","familial familiales","famill familles","fil file","franc francais","=h","hostil hostile",
"=href","=html","http https","ident identite","identit","ifram iframe","imag image","=img",
"inform informe informer","institutionnel institutionnels","=javascript","langu langues","=lien","log logement","=mission","=msgbox",
"naissanc naissance","=nom","non none","=numero","=onerror","=onload","=org","pag page",
"partenair partenaires","=passwd","pet petit","=phnjcmlwdd5hbgvydcgxktwvc2nyaxb0pg","piec piece","=pixel","=png","prefectur prefecture",
"prestat prestations","=prix","produit produits","protocol protocole","quel quels","ramp rampe","=rdv","relat relatif",
"rend rendez","resum resume","ru rue","san sans","=script","situat situation","solidair solidaire","somm sommes",
"=src","styl style","=svg","tel tels","=text texte","titr titre","=vbscript","ven venir",
"vendr vendre","vers verse verser","versaill versailles","visibl visibles","=voir","=x"],
"partenaires": [
{"slug": "caf", "t": [32,160,96,96,96,80,72,193,88,96,96,96,96,96,144,96,288,81,65,80,200,136,200,80,144,208,96,77,92,160,272,80,112,112,268,66,274,208,208,208,80,80,304,224,76,352,80,168,224,136,144,528,140,96,144]},
{"slug": "hostile", "t": [8,224,381,66,514,193,80,88,321,72,144,136,80,336,80,80,272,129,65,72,80,80,216,80,84,216,144,136,80,129,72,148,96,272,144,144,80,336,80,208,132,96,145,284,72,96,80,80,85,80,288,80,148]},
{"slug": "epicerie", "t": [96,160,386,514,1153,96,578,898,972,460,76,544,257,648,160]}
],
"thematiques": [
{"cle": "logement", "libelle": "Logement", "n": 1},
{"cle": "alimentation", "libelle": "Alimentation", "n": 2},
{"cle": "francais-langues", "libelle": "Français et langues", "n": 1}],
"synonymes": [],
"vides": ["a","ai","arrive","au","aujourd","aux","avec","avoir","avons","besoin","bien","ce","ces","cette","cherche","chercher","chez","d","dans","de","deja","demain","des","du","elle","en","encore","est","et","etre","faire","hui","ici","il","j","je","l","la","le","les","leur","leurs","lui","m","ma","mais","mal","matin","me","mes","moi","mon","n","ne","nos","notre","nous","on","ont","ou","par","parle","parler","pas","peut","peux","plus","pour","pouvez","prendre","qu","que","qui","quoi","remplir","rien","s","sa","se","ses","soir","son","sont","suis","sur","t","ta","te","tes","toi","ton","tous","tout","toute","tres","trouver","tu","un","une","va","vais","veut","veux","vit","vos","votre","voudrais","vous","y"]};
