/**
 * Every user-facing text of the app, Dutch first, with French and English (src/i18n/fr.ts, en.ts:
 * chunks of their own, loaded when chosen). A text missing in one language is a type error, so no
 * language falls behind.
 */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const nl = {
	myTitle: 'Wat ik aankan',
	myOn: 'eigen profiel actief',
	mySpeed: 'Tempo',
	mySpeed_usual: 'gewoon (zoals het profiel)',
	mySpeed_slow: 'traag',
	mySpeed_very_slow: 'heel traag',
	myKerb: 'Hoogste stoeprand (cm)',
	myKerbHelp:
		'Ter vergelijking: de Vlaamse norm voor een verlaagde stoeprand is hoogstens {cm} cm. Leeg: stoepranden spelen geen rol.',
	mySlope: 'Steilste helling (%)',
	mySlopeHelp:
		'Vlaamse norm voor hellingen: van {short} % (tot 10 cm hoogte) tot {long} % (boven 50 cm). Leeg: geen grens.',
	myWidth: 'Smalste doorgang (m)',
	myWidthHelp: 'Vlaamse norm: een vrije loopweg van minstens {m} m. Leeg: breedte speelt geen rol.',
	myBench: 'Langste stuk zonder bank (m)',
	myBenchHelp:
		'Voor oudere wandelaars: een bank om de 100 tot {m} m. Langere stukken tellen als trager.',
	mySteps: 'Trappen lukken',
	myAvoid: 'Verharding die ik vermijd',
	myAvoid_rough: 'ruw (grind, kasseien, gras, zand)',
	myAvoid_loose: 'halfverhard (steenslag, grasdallen)',
	myUnknown: 'Onbekende gegevens',
	myUnknown_optimistic: 'tellen als in orde',
	myUnknown_cautious: 'liever vermijden',
	myApply: 'Toepassen',
	myReset: 'Terug naar het gewone profiel',
	myErrorRange:
		'Niet toegepast: vul bij “{field}” een getal van {min} tot {max} in, of laat het leeg.',
	myErrorChoice: 'Niet toegepast: kies bij “{field}” een waarde uit de lijst.',
	myName: 'Mijn profiel (op basis van: {base})',
	myNameWith: 'Mijn profiel (op basis van: {base}) — {differences}',
	myShort: 'Mijn profiel ({base})',
	myShortWith: '{short}: {differences}',
	myBase_walking: 'te voet',
	myBase_rollator: 'rollator',
	myBase_wheelchair: 'rolstoel',
	myDiff_speed_usual: 'tempo van het profiel',
	myDiff_speed_slow: 'tempo traag',
	myDiff_speed_very_slow: 'tempo heel traag',
	myDiff_kerbCm: 'stoep ≤\u00a0{value}\u00a0cm',
	myDiff_kerbCm_none: 'stoep zonder grens',
	myDiff_slopePct: 'helling ≤\u00a0{value}\u00a0%',
	myDiff_slopePct_none: 'helling zonder grens',
	myDiff_minWidthM: 'doorgang ≥\u00a0{value}\u00a0m',
	myDiff_minWidthM_none: 'doorgang zonder grens',
	myDiff_benchStretchM: 'zonder bank ≤\u00a0{value}\u00a0m',
	myDiff_benchStretchM_none: 'geen bank nodig',
	myDiff_steps_yes: 'trappen lukken',
	myDiff_steps_no: 'geen trappen',
	myDiff_avoid: 'vermijdt {surfaces}',
	myDiff_avoid_none: 'vermijdt geen verharding',
	myDiff_surface_rough: 'ruwe verharding',
	myDiff_surface_loose: 'halfverharding',
	myDiff_unknown_cautious: 'onbekende gegevens vermijden',
	myDiff_unknown_optimistic: 'onbekende gegevens in orde',
	linkUnread: 'Een deel van deze link kon niet gelezen worden en is overgeslagen: {parts}.',
	mapSlow: 'De kaart laadt erg traag. Zoeken, de lijst en de details werken wel al.',
	networkShow: 'Toegankelijkheid van straten en paden tonen',
	networkNote: 'Kleuren voor: {profile}. Zoom in om de straten te zien.',
	networkPassable: 'Begaanbaar',
	networkLimited: 'Beperkt: kost extra moeite',
	networkImpassable: 'Niet begaanbaar',
	networkUnknown: 'Onbekend: de gegevens zeggen het niet',
	nearestFrom: 'Dichtstbij vanaf {origin} — {profile}:',
	nearestChooseOrigin:
		'Kies een adres in het zoekvak of gebruik je locatie om te zien wat het dichtst bij is, te voet langs de straten.',
	nearestUseLocation: 'Gebruik mijn locatie',
	nearestMyLocation: 'mijn locatie',
	nearestBusy: 'Wandeltijden worden berekend…',
	nearestFailed: 'De wandeltijden konden niet berekend worden ({detail}).',
	nearestNone: 'Geen enkele plaats van deze soort is bereikbaar langs de straten.',
	nearestLocationDenied: 'Je locatie is niet beschikbaar. Kies een adres in het zoekvak.',
	nearestPoint: 'het gekozen punt',
	placeNotFound: 'Deze plaats staat niet (meer) in de gegevens van dit gebied.',
	analysisProgressLabel: 'Gegevens voor de wandeltijden',
	analysisDownloading: '{loaded} van {total} kB geladen',
	analysisDownloadingUnknown: '{loaded} kB geladen',
	analysisDecoding: 'Stap 2 van 2: de gegevens worden voorbereid…',
	coverageOpen: 'Buurtanalyse',
	coverageTitle: 'Buurtanalyse: waar is de hulp te ver?',
	coverageCategories: 'Soorten hulp',
	coverageMoreKinds: 'Meer soorten hulp ({total})',
	coverageMoreKindsChosen: {
		one: 'Meer soorten hulp ({total}, waarvan {count} gekozen)',
		other: 'Meer soorten hulp ({total}, waarvan {count} gekozen)',
	},
	coverageProfile: 'Verplaatsing',
	coverageUnknown: 'Straten zonder gegevens over toegankelijkheid',
	coverageOptimistic: 'optimistisch: tellen als begaanbaar',
	coverageCautious: 'voorzichtig: tellen als niet begaanbaar',
	coverageNormLabel: 'Norm voor {category}, in meter langs de straten',
	coverageNormInvalid: 'De norm voor {category} moet een geheel getal zijn van 10 tot 20000 meter.',
	coverageRun: 'Analyse uitvoeren',
	coverageFormChanged: 'Gewijzigd: kies ‘Analyse uitvoeren’ om de kaart en de tabel bij te werken.',
	coverageCancel: 'Stoppen',
	coverageProgress: '{done} van {total} soorten hulp berekend',
	coverageLoading: 'De gegevens voor de analyse worden geladen…',
	coverageCancelled: 'De analyse is gestopt. Voer ze opnieuw uit wanneer je wilt.',
	coverageFailed: 'De analyse lukte niet ({detail}).',
	coverageChooseCategory: 'Kies minstens één soort hulp.',
	coverageShown: 'Op de kaart en in de tabel',
	coverageColourBy: 'Kleur de adressen volgens',
	coverageByDistance: 'afstand tot de dichtste',
	coverageByTime: 'tijd tot de dichtste',
	coverageByShortfall: 'tekort op de norm',
	coverageLegendTitle: 'Legende',
	coverageLegendNorm: 'Norm: {norm} m langs de straten · {profile} · onbekende gegevens: {unknown}',
	coverageUnknownOptimistic: 'optimistisch',
	coverageUnknownCautious: 'voorzichtig',
	coverageLegendDate: 'Straten en plaatsen: OpenStreetMap van {date}',
	coverageAgesMunicipal:
		'65+ en 80+ zijn geschat met de leeftijdsverdeling van de gemeente ({date}), niet per buurt.',
	coverageAgesTable: '65+ en 80+ komen uit een leeftijdstabel per buurt.',
	coverageAgesMixed:
		'65+ en 80+: {table} buurten uit een leeftijdstabel per buurt, {municipal} geschat met de leeftijdsverdeling van de gemeente ({date}).',
	coverageAgesEstimatedAll:
		'* 65+ en 80+ geschat met de leeftijdsverdeling van de gemeente ({date}): in een buurt is hun aandeel verder dan de norm dan gelijk aan dat van alle inwoners.',
	coverageAgesEstimatedSome:
		'* Buurten met een sterretje: 65+ en 80+ geschat met de leeftijdsverdeling van de gemeente ({date}); daar is hun aandeel verder dan de norm gelijk aan dat van alle inwoners.',
	coverageEdge:
		'Rand van de gegevens (gearceerd): {origins} adressen met {residents} inwoners. Ze tellen in geen enkel tekort.',
	coverageNoFigure:
		'{origins} adressen zonder cijfer om een andere reden (verder dan 300 m van elke weg of op een los stuk netwerk). Ze tellen in geen enkel tekort.',
	coverageNoneMapped:
		'Geen enkele plaats van deze soort in de gegevens: niet te meten, dus ook geen tekort.',
	coverageNoneOnNetwork: {
		one: 'Geen enkele plaats van deze soort ligt aan het stratennet van de kaart: de enige in de gegevens ligt erbuiten. Niet te meten, dus ook geen tekort.',
		other:
			'Geen enkele plaats van deze soort ligt aan het stratennet van de kaart: de {count} in de gegevens liggen erbuiten. Niet te meten, dus ook geen tekort.',
	},
	coverageNoneMappedShort: 'geen in de gegevens',
	coverageWithin: 'binnen de norm',
	coverageBeyond: 'verder dan de norm',
	coverageUnreachable: 'niets bereikbaar langs de straten',
	coverageNoFigureShort: 'geen cijfer',
	coverageClassMetres: 'tot {to} m',
	coverageClassMinutes: 'tot {to} min',
	coverageClassShortfall: 'tot {to} m te ver',
	coverageClassWithin: 'binnen de norm',
	coverageClassMore: 'meer',
	coverageShareLegend: 'Buurten: aandeel 65+ verder dan de norm',
	coverageShareFrom: 'vanaf {share}',
	coverageTableCaption: '{category}: inwoners verder dan {norm} m, per buurt',
	coverageColNeighbourhood: 'Buurt',
	coverageColResidents: 'Inwoners meegeteld',
	coverageColBeyond: 'Verder dan de norm',
	coverageCol65: '65+ verder',
	coverageCol80: '80+ verder',
	coverageColEdge: 'Rand van de gegevens (inwoners)',
	coverageColUnknown: 'Deel van de weg op onbekende gegevens',
	coverageMostlyUnknown: 'grotendeels onbekend',
	coverageShareUnknown: 'geen kleur: grotendeels onbekende gegevens',
	coverageMostlyUnknownNote:
		'Grotendeels onbekend: meer dan {share} van de weg naar de dichtste plaats loopt over straten waarvan de gegevens niet zeggen of ze toegankelijk zijn. Die buurten krijgen geen rang (hun cijfers zeggen daarvoor te weinig): gesorteerd op een cijfer staan ze onderaan.',
	coverageCautiousNote:
		'Voorzichtig gerekend: straten zonder gegevens over toegankelijkheid tellen als niet begaanbaar; wie alleen over zulke straten binnen de norm zou komen, telt als te ver. Kies optimistisch om te zien hoeveel van de weg op onbekende gegevens rust.',
	coverageTotal: 'Totaal',
	coverageOutside: 'buiten de buurten',
	coverageZoomRow: 'Toon {name} op de kaart',
	coverageSorted: 'gesorteerd',
	coverageChartsTitle: 'Per soort hulp: aandeel 65+ verder dan de norm',
	coverageChartLabel: '{category}: aandeel 65+ verder dan {norm}\u00a0m per buurt',
	coverageChartTable: 'De cijfers van deze grafiek',
	coverageChartFailed: 'De grafiek kon niet geladen worden; de cijfers staan in de tabel eronder.',
	coverageWhatIfTitle: 'Wat als…',
	coverageWhatIfIntro:
		'Plaats een geplande voorziening ({category}) of schakel een bestaande uit: kaart, tabel en verschil volgen meteen.',
	coverageWhatIfIntroReadOnly:
		'De geplande en uitgeschakelde voorzieningen ({category}) van deze bewaarde analyse, en het verschil dat ze maken. Alleen lezen: wie zelf iets wil plaatsen, kiest “Zelf een analyse maken”.',
	coverageAddByClick: 'Plaats op de kaart kiezen',
	coverageAddPicking:
		'Tik of klik op de kaart waar de nieuwe plaats komt, of nog eens op de knop om te stoppen.',
	coverageAddAtAddress: 'Op {address}',
	coveragePlannedList: 'Geplande plaatsen',
	coverageRemove: 'Verwijderen',
	coverageRemovePlanned: '{name} verwijderen',
	coveragePlannedName: 'Gepland {n}',
	coverageExisting: 'Bestaande plaatsen',
	coverageSwitchOff: '{name} uitschakelen',
	coverageReset: 'Wat-als ongedaan maken',
	coverageReadOnlyPublic: 'Gepubliceerde analyse “{name}”: alleen lezen.',
	coverageReadOnlyTeam: 'Analyse “{name}”, gedeeld met het team van de gemeente: alleen lezen.',
	coverageReadOnlyPrivate: 'Analyse “{name}”, alleen voor jou: alleen lezen.',
	coverageOwnAnalysis: 'Zelf een analyse maken',
	coverageLinkOpening: 'De gedeelde analyse wordt geopend…',
	coverageLinkMissing:
		'De gedeelde analyse kan niet geopend worden: ze bestaat niet (meer), of ze is niet gepubliceerd en je hebt er geen toegang toe. Hieronder staat een nieuwe analyse met dezelfde instellingen, zonder de plannen van die analyse.',
	coverageLinkOtherArea:
		'De gedeelde analyse is gemaakt voor een ander gebied dan dit. Hieronder staat een nieuwe analyse met dezelfde instellingen, zonder de plannen van die analyse.',
	coverageLinkUnreachable:
		'Geen verbinding: de gedeelde analyse kan nu niet geopend worden. Ze wordt opnieuw geprobeerd zodra er weer verbinding is. Hieronder staat intussen een analyse met dezelfde instellingen, zonder de plannen van die analyse.',
	coverageLinkRetry: 'Opnieuw proberen',
	coverageStoredOverlay:
		'Op de kaart: de laag zoals ze bewaard is ({n} vakken van 200 m, gemiddelde wandelafstand).',
	coverageFullScreen: 'Analyse schermvullend',
	reportPrint: 'Buurtanalyse afdrukken',
	reportHeading: 'Buurtanalyse {area}',
	reportSavedAnalysis: 'Bewaarde analyse “{name}”, berekend op {date}',
	reportParams: '{profile} · onbekende gegevens: {unknown} · gemaakt op {date}',
	reportMapAlt: 'Kaart van de buurtanalyse: {category}',
	reportPopulation:
		'{all} inwoners, van wie {residents} meegeteld (met een afstand langs de straten): {r65} 65-plussers ({s65}) en {r80} 80-plussers ({s80})',
	reportCaption: 'Dekking per soort hulp, grootste tekort bij 65+ eerst',
	reportRank: 'Rang',
	reportCategory: 'Soort hulp',
	reportNorm: 'Norm',
	reportPlacesHere: 'Plaatsen in de buurt',
	reportBeyond65Of: '65+ verder dan de norm — {profile}',
	reportBeyondOf: 'Inwoners verder dan de norm — {profile}',
	reportProfilesNote:
		'Plaatsen in de buurt: de plaatsen en lokale initiatieven in deze buurt (de regel en de plaatsen buiten elke buurt: op de eerste bladzijde). {profile}: het geanalyseerde profiel, met de geplande en uitgeschakelde plaatsen van wat-als.',
	reportOtherProfilesNote:
		'De andere profielen: met dezelfde geplande en uitgeschakelde plaatsen van wat-als.',
	reportOtherUnranked:
		'† Grotendeels onbekend: meer dan {share} van de weg rust op onbekende gegevens.',
	reportOtherProfilesPlain: 'De andere profielen: met dezelfde plaatsen en lokale initiatieven.',
	reportBeyond65: '65+ verder dan de norm',
	reportBeyond: 'Inwoners verder dan de norm',
	reportNoneMapped: 'geen in de gegevens',
	reportSources: 'Gegevens',
	reportTotalsTitle: 'Het hele gebied',
	reportTotalsCaption: 'Per soort hulp, alle buurten samen',
	reportPlaces: 'Plaatsen',
	reportWhatIfTitle: 'Wat-als in deze analyse',
	reportWhatIfNote:
		'De cijfers van het geanalyseerde profiel rekenen met deze plannen: een geplande plaats bestaat (nog) niet; een uitgeschakelde bestaat wel, maar telt niet mee. Profiel: {profile}.',
	reportPlanned: '{category}: gepland, {name} ({lat}°\u00a0N, {lng}°\u00a0O)',
	reportSwitchedOff: '{category}: uitgeschakeld, {name}',
	reportEdge: '{residents} inwoners aan de rand van de gegevens, niet meegeteld.',
	reportUnknown:
		'Deel van de weg naar de dichtste over straten met onbekende toegankelijkheid, per soort hulp: {list}.',
	savedTitle: 'Bewaarde analyses',
	savedName: 'Naam',
	savedNote: 'Notitie',
	savedFieldName: 'De naam',
	savedFieldNote: 'De notitie',
	savedCharacters: { one: '{count} van de {max} tekens', other: '{count} van de {max} tekens' },
	savedSave: 'Analyse bewaren',
	savedSaved: 'Bewaard: {name}',
	savedRenamed: 'Hernoemd: {old} → {name}',
	savedWhereDevice: 'Bewaard op dit toestel.',
	savedWhereSupabase: 'Bewaard voor {area}.',
	savedLeftOutCoordinator: {
		one: 'De buurt van {municipality} ({count}) wordt niet bewaard: je bent buurtzorgregisseur van {area}.',
		other:
			'De buurten van {municipality} ({count}) worden niet bewaard: je bent buurtzorgregisseur van {area}.',
	},
	savedLeftOutOther: {
		one: 'De buurt van {municipality} ({count}) wordt niet bewaard: de analyse wordt bewaard voor {area}.',
		other:
			'De buurten van {municipality} ({count}) worden niet bewaard: de analyse wordt bewaard voor {area}.',
	},
	savedLeftOutUnknown: 'Niet bewaard, want onbekend in de gegevens van {area}: {names}.',
	savedNoArea: 'Geen gemeente om in te bewaren: meld je aan als coördinator van deze gemeente.',
	savedNone: 'Nog geen bewaarde analyses.',
	savedOffline:
		'Geen verbinding: bewaarde analyses openen en nieuwe bewaren kan pas als er weer verbinding is. Wat al bewaard is, blijft veilig in de gedeelde databank.',
	savedNameMissing: 'Geef de analyse een naam.',
	savedFailed: 'Niet gelukt: {detail}',
	savedErrorTooLong: '{field} is te lang: {count} tekens, maximaal {max}.',
	savedErrorMarkup:
		'{field} bevat “<” gevolgd door een letter, zoals in HTML-code. Dat bewaren we niet: laat het weg of zet een spatie na “<”.',
	savedErrorControl:
		'{field} bevat onzichtbare stuur- of richtingstekens. Typ de tekst opnieuw in plaats van hem te plakken.',
	savedErrorCharacters:
		'{field} bevat tekens die we niet bewaren (stuur- of richtingstekens, of “<” gevolgd door een letter).',
	savedErrorDenied:
		'Je mag deze analyse hier niet bewaren of wijzigen. Meld je opnieuw aan als coördinator van deze gemeente.',
	savedErrorNotFound:
		'Deze analyse bestaat niet meer of je mag ze niet meer wijzigen: misschien is ze intussen elders verwijderd. Er is niets veranderd.',
	savedErrorRateLimited:
		'Er werden net veel analyses bewaard. Probeer het over een tijdje opnieuw.',
	savedErrorNetwork:
		'De databank is nu niet bereikbaar. Er is niets veranderd; probeer het straks opnieuw.',
	savedOpen: 'Openen',
	savedRename: 'Hernoemen',
	savedRenameTo: 'Nieuwe naam voor {name}',
	savedDelete: 'Verwijderen',
	savedDeleteConfirm: '“{name}” verwijderen? Dat kan niet ongedaan gemaakt worden.',
	savedDeletePublished:
		'Ze is gepubliceerd: bewoners en andere coördinatoren kunnen ze daarna niet meer openen.',
	savedDeleteTeam: 'Het team van de gemeente kan ze daarna ook niet meer openen.',
	savedDeleteYes: 'Ja, verwijderen',
	savedDeleteCancel: 'Niet verwijderen',
	savedDeleted: 'Verwijderd: {name}',
	savedVisibility: 'Wie ziet {name}',
	savedPrivate: 'Alleen ikzelf',
	savedAreaTeam: 'Het team van de gemeente',
	savedPublic: 'Gepubliceerd (iedereen)',
	savedPlanned: { one: '{count} geplande plaats', other: '{count} geplande plaatsen' },
	savedReadOnlyPublic: 'Gepubliceerd, alleen lezen',
	savedReadOnlyTeam: 'Gedeeld met het team, alleen lezen',
	savedReadOnlyPrivate: 'Alleen voor jou; je kunt ze niet meer wijzigen',
	savedCompare: 'Vergelijken',
	savedCompareBefore: 'Eerder',
	savedCompareAfter: 'Later',
	savedCompareCaption: '{category}: inwoners 65+ verder dan de norm, per buurt',
	savedCompareChange: 'Verschil',
	savedCompareTotal: 'In totaal: {change}',
	savedCompareTotalNote:
		'Een buurt met “—” telt niet mee in het totaal: ze is in minstens één van beide niet gemeten.',
	savedCompareSame: 'Kies twee verschillende analyses om te vergelijken.',
	savedCompareSaved: 'bewaard op {date}',
	savedCompareBasis: '{profile} · onbekende gegevens: {unknown} · norm {norm}',
	savedCompareDiffers:
		'Let op: deze twee analyses zijn anders berekend ({what}). Het verschil hieronder is dus geen verandering in de buurt: het komt (ook) van die keuze.',
	savedCompareDiffProfile: 'ander profiel',
	savedCompareDiffUnknown: 'onbekende gegevens anders geteld',
	savedCompareDiffNorm: 'andere norm',
	savedCompareDiffData: 'gegevens van een andere datum',
	savedExportCsv: 'Tabel als CSV',
	savedExportGeojson: 'Kaartlaag als GeoJSON',
	csvAnalysis: 'analyse',
	csvProfile: 'profiel',
	csvUnknown: 'onbekende gegevens',
	csvCategory: 'soort hulp',
	csvNorm: 'norm (m)',
	csvNeighbourhood: 'buurt',
	csvResidents: 'inwoners meegeteld',
	csvResidents65: 'inwoners 65+',
	csvBeyond: 'inwoners verder dan de norm',
	csvBeyond65: '65+ verder dan de norm',
	csvShare65: 'aandeel 65+ verder dan de norm',
	csvResidents80: 'inwoners 80+',
	csvBeyond80: '80+ verder dan de norm',
	csvEdge: 'inwoners aan de rand van de gegevens',
	csvUnknownShare: 'deel van de weg op onbekende gegevens',
	csvPlanned: 'geplande plaatsen (wat-als)',
	csvSwitchedOff: 'uitgeschakelde plaatsen (wat-als)',
	csvCurrent: 'analyse op het scherm (niet bewaard)',
	csvFileBase: 'buurtanalyse',
	csvSavedSuffix: 'bewaard',
	coverageDelta: '{r65} inwoners 65+ binnen {norm} m ({r} inwoners in totaal)',
	coverageNoDelta: 'Nog geen wat-als voor {category}.',
	coverageDeltaWhole:
		'Dit verschil telt over het hele geanalyseerde gebied ({area}). In de buurten van de opgeslagen tabel: {kept} inwoners 65+; in de buurten die er niet in staan ({names}): {missing}.',
	coverageBusy: 'Bezig met rekenen…',
	coverageWhereNextTitle: 'Waar best een volgende?',
	coverageSuggest: 'Plaatsen voorstellen',
	coverageSuggestion: 'Voorstel {n}: +{gain} inwoners 65+ binnen de norm',
	coverageSuggestionMore:
		'Voorstel {n}: +{gain} inwoners 65+ binnen de norm, bovenop de voorstellen ervoor',
	coverageTakeOver: 'Overnemen als wat-als',
	coverageNoSuggestion: 'Geen enkele plaats brengt nog inwoners 65+ binnen de norm.',
	areaLabel: 'Gebied',
	areaOfflineOnly: 'Zonder verbinding: alleen de gebieden die op dit toestel bewaard zijn.',
	areaChooseTitle: 'Kies je gemeente',
	areaChooseIntro: 'Buurtkaart is voor deze gebieden klaar. Dit toestel onthoudt je keuze.',
	areaBuilt: 'gegevens verwerkt op {date}',
	areaIndexError: 'De lijst van gebieden kon niet geladen worden ({detail}).',
	areaNone: 'Er is nog geen enkel gebied beschikbaar.',
	areaLoading: 'Gebieden worden geladen…',
	shareButton: 'Delen',
	shareLabel: 'Een link naar deze weergave delen',
	shareCopied: 'Link gekopieerd. Plak hem in een bericht of e-mail.',
	shareFailed: 'Kopiëren lukte niet. Kopieer de link hieronder.',
	shareLinkLabel: 'Link naar deze weergave',
	close: 'Sluiten',
	walkTime: '{minutes} min {how} ({distance} m langs de straten)',
	walkSlower: 'Trager over {distance} m: {reasons}',
	walkUnknownShare:
		'Let op: voor {share} % van deze route weten we niet of ze toegankelijk is (gegevens ontbreken).',
	openingHours: 'Openingsuren',
	openNow: 'Nu open',
	closedNow: 'Nu gesloten',
	openUnknown: 'Open of niet: onbekend',
	closesAt: 'sluit om {time}',
	opensAt: 'opent om {time}',
	closesOnDay: 'sluit {day} om {time}',
	opensOnDay: 'opent {day} om {time}',
	address: 'Adres',
	phone: 'Telefoon',
	website: 'Website',
	wheelchairAccess: 'Rolstoel',
	wheelchairYes: 'Toegankelijk',
	wheelchairLimited: 'Beperkt toegankelijk',
	wheelchairNo: 'Niet toegankelijk',
	wheelchairUnknown: 'Niet bekend',
	operator: 'Beheerder',
	placeLines: { one: 'Lijn', other: 'Lijnen' },
	emergencyDepartment: 'Spoeddienst',
	emergencyYes: 'Ja',
	emergencyNo: 'Nee',
	accessibleSpaces: {
		one: 'Plaats voor personen met een handicap',
		other: 'Plaatsen voor personen met een handicap',
	},
	spacesOfTotal: '{spaces} van de {total} plaatsen',
	careFunctions: 'Functies in de buurtzorg',
	dataSource: 'Bron',
	reportProblem: 'Meld hier een probleem',
	viewLabel: 'Weergave',
	viewMap: 'Kaart',
	viewList: 'Lijst',
	profileLabel: 'Hoe verplaats je je?',
	legendTitle: 'Wat toont de kaart?',
	legendShowAll: 'Alles tonen',
	legendAround: '{count} in de omgeving',
	legendHideAll: 'Alles verbergen',
	listTitle: 'Plaatsen in {area}',
	listCount: { one: '{count} plaats', other: '{count} plaatsen' },
	listFilter: 'Soort hulp',
	listFilterAll: 'Alle soorten',
	listEmpty: 'Geen plaatsen voor deze keuze.',
	placesLoading: 'Plaatsen worden geladen…',
	placesError: 'De plaatsen konden niet geladen worden ({detail}).',
	searchLabel: 'Zoek hulp, een plaats of een adres',
	searchPlaceholder: 'Zoek: dokter, apotheek, iemand om mee te praten…',
	searchPlaceholderShort: 'Zoek: dokter, apotheek…',
	searchResults: 'Zoekresultaten',
	searchLoading: 'Zoekgegevens worden geladen…',
	searchNoResults: 'Niets gevonden voor “{query}”.',
	searchHint:
		'Probeer een soort hulp (zoals huisarts of apotheek), de naam van een plaats, een straat, of een adres met huisnummer en gemeente.',
	searchShowAll: 'Toon alle {count}',
	searchKindPlaces: '{kind}: {count}',
	searchByWalkingTime: 'Op wandeltijd vanaf {origin}',
	searchNumberNotFound: 'huisnummer {number} niet gevonden',
	searchWalkMinutes: '{minutes} min {how}',
	searchNoRoute: '{km} km in vogelvlucht, buiten het stratennet van de kaart',
	searchGroupCategories: 'Soort hulp',
	searchGroupLines: 'Hulplijnen',
	searchGroupPlaces: 'Plaatsen',
	searchGroupStreets: 'Straten',
	searchGroupAddresses: 'Adressen',
	appTitle: 'Buurtkaart',
	appTagline: 'Hulp en voorzieningen in je buurt',
	languageLabel: 'Taal',
	headerMenu: 'Gebied en taal',
	languageName: 'Nederlands',
	mapLabel: 'Kaart van {area}',
	mapLoading: 'Kaart wordt geladen…',
	mapReady: 'Kaart geladen',
	mapErrorTiles:
		'De kaartgegevens konden niet geladen worden ({detail}). Probeer het later opnieuw.',
	mapErrorManifest: 'De gegevens van het gebied konden niet geladen worden ({detail}).',
	mapErrorSchemaVersion:
		'De gegevens van dit gebied hebben een ander formaat (versie {found}) dan deze versie van Buurtkaart leest (versie {expected}). Laad de pagina opnieuw; helpt dat niet, dan moeten de gegevens opnieuw verwerkt worden (npm run tiles:build).',
	mapErrorWebgl: 'Deze browser kan de kaart niet tekenen (WebGL ontbreekt).',
	// before a pick's own line ("Klik op de kaart …") while the map is not ready yet
	mapPickWaiting: 'De kaart laadt nog… Je kunt erop kiezen zodra ze er is.',
	// Validation issues (src/contracts/validation.ts): one text per kind, {path} names the field; no
	// final stop: shown inside another sentence (mapErrorManifest)
	validationMissing: '{path} ontbreekt',
	validationType: '{path} heeft een waarde van de verkeerde soort (verwacht: {limit})',
	validationValue: '{path}: {found} is geen toegelaten waarde (verwacht: {limit})',
	validationRange: '{path}: {found} ligt buiten de grens ({limit})',
	validationInteger: '{path}: {found} is geen geheel getal',
	validationLength: '{path} is te kort of te lang (grens: {limit})',
	validationFormat: '{path} heeft niet de verwachte vorm',
	validationUnique: '{path} komt twee keer voor',
	validationSchemaVersion:
		'{path}: formaatversie {found}, deze versie van Buurtkaart leest {limit}',
	validationLngLat: '{path} is geen lengte- en breedtegraad binnen het bereik',
	validationBbox: '{path} is geen geldig kader [west, zuid, oost, noord]',
	validationBelgium: '{path} ligt buiten België',
	validationSelfCrossing: '{path} kruist zichzelf',
	validationStretchLength: '{path} is langer dan {limit} m',
	neighbourhoods: 'Buurten',
	residents: 'inwoners',
	dataCoverage: 'Dekking OpenStreetMap-gegevens: {share}',
	dataDate: 'gegevens van {date}',
	// Residents: no dead ends, honest about missing data, large text (issue 11)
	travelWalking: 'te voet',
	travelRollator: 'met de rollator',
	travelWheelchair: 'met de rolstoel',
	walkBeyondLimit:
		'Verder dan {limit} min {how}: een lange tocht. Vraag eventueel hulp bij vervoer.',
	walkNearestStop: 'Dichtste bushalte: {stop}, {minutes} min {how}.',
	walkStopOnTheWay: 'Bushalte op de weg: {stop}, na {minutes} min {how}.',
	stopWithLines: { one: '{stop} (lijn {lines})', other: '{stop} (lijnen {lines})' },
	emptyKindTitle: 'Geen “{kind}” in de kaartgegevens voor {area}',
	emptyKindBody:
		'De gegevens van de kaart (OpenStreetMap, ook de rand rond {area}) bevatten geen enkele plaats van deze soort. Dat wil niet zeggen dat die hulp er niet is.',
	emptyKindHelp: 'Hier kan je wel terecht:',
	emptyKindNoLines: 'Vraag het aan het gemeentehuis of het sociaal huis van je gemeente.',
	emptyKindHelpFrom: 'Hier kan je wel terecht vanuit {municipality}:',
	emptyKindHelpBusy: 'Zoeken in welke gemeente je adres ligt…',
	neighbourHelpTitle: 'Dezelfde hulp in de buurgemeenten',
	neighbourHelpBusy: 'Zoeken in de kaartgegevens van de buurgemeenten…',
	neighbourHelpWhere: '{municipality}, {km} km in vogelvlucht',
	neighbourHelpNone: 'Ook de kaartgegevens van de buurgemeenten ({areas}) bevatten geen “{kind}”.',
	neighbourHelpNoAreas: 'Van de buurgemeenten zijn geen kaartgegevens beschikbaar.',
	neighbourHelpFailed: 'Niet gelezen: {area} ({reason})',
	helpLineCall: 'Bel {phone}',
	helpLineSource: 'Bron: {title} ({date})',
	ownServiceNear: 'bij {address}',
	ownServiceShow: 'Toon op de kaart',
	lineUnknown: 'Deze hulplijn staat niet (meer) in de gegevens van de app.',
	lineKinds: 'Op de kaart:',
	helpLineFor: 'Voor wie in {municipality} woont',
	helpLineSourceOld: {
		one: 'Let op: deze bron is van {date}, {count} jaar geleden. Kijk na of het nog klopt.',
		other: 'Let op: deze bron is van {date}, {count} jaar geleden. Kijk na of het nog klopt.',
	},
	openingHoursUnknown: 'Niet bekend',
	valueUnknown: 'Niet bekend',
	addressNear: 'Niet in de gegevens; dichtstbijzijnde adres: {address} (adressenregister CRAB)',
	placeUnnamed: '{kind}, {street}',
	placeImprove: 'Ontbreekt er iets of klopt iets niet? Vul het aan op OpenStreetMap',
	placeView: 'Bekijk op OpenStreetMap',
	wheelchairFilterLabel: 'Alleen plaatsen met rolstoeltoegang',
	wheelchairFilterNone:
		'Geen enkele plaats in {area} heeft gegevens over rolstoeltoegang (van alle {total} weten we het niet). Daarom toont de kaart niets. Zet de filter uit om alle plaatsen te zien.',
	wheelchairFilterSome:
		'{count} van de {total} plaatsen zijn rolstoeltoegankelijk volgens de gegevens; van {unknown} weten we het niet.',
	skipLegend: 'Naar de kaart (legende overslaan)',
	// Storage, barrier reports and signing in (issue 5)
	storageDevice: 'Opgeslagen op dit toestel',
	storageSupabase: 'Opgeslagen in de gedeelde databank (Supabase)',
	storageOpening: 'Opslag wordt geopend…',
	storageFailed: 'Opslag niet beschikbaar: er kan nu niets bewaard worden ({detail}).',
	storageWaiting: {
		one: '{count} melding wacht om verstuurd te worden',
		other: '{count} meldingen wachten om verstuurd te worden',
	},
	storageOffline: 'geen verbinding',
	offlineBanner: 'Geen verbinding: je werkt met wat op dit toestel bewaard is.',
	reportOpen: 'Probleem melden',
	reportTitle: 'Een probleem melden',
	reportIntro:
		'Meld een hindernis op straat of op de stoep. Je melding wordt eerst op dit toestel bewaard en gaat nooit verloren.',
	reportAtPlace: 'Waar: bij {place}',
	reportWhere: 'Waar?',
	reportWherePoint: 'Een punt',
	reportWhereStretch: 'Een stuk straat',
	reportPointHint:
		'Kies de plaats met een tik of klik op de kaart, of schuif de kaart tot het kruisje op de juiste plaats staat en gebruik het midden.',
	reportUseCentre: 'Gebruik het midden van de kaart',
	reportAddStretchPoint: 'Voeg het midden van de kaart toe aan het stuk straat',
	reportStretchClear: 'Opnieuw beginnen',
	reportPointChosen: 'Punt gekozen: {lat}, {lng}',
	reportStretchChosen: 'Stuk straat: {count} punten, {length} m',
	reportKind: 'Soort probleem',
	reportDescription: 'Korte beschrijving (niet verplicht)',
	reportCharacters: { one: '{count} van de {max} tekens', other: '{count} van de {max} tekens' },
	reportSubmit: 'Melding versturen',
	reportCancel: 'Annuleren',
	reportSaved: 'Bedankt! Je melding is bewaard.',
	reportQueued:
		'Bedankt! Je melding is op dit toestel bewaard en wordt verstuurd zodra er weer verbinding is.',
	reportErrorTooLong: 'Je beschrijving is te lang: {count} tekens, maximaal {max}.',
	reportErrorMarkup:
		'Je beschrijving bevat “<” gevolgd door een letter, zoals in HTML-code. Dat bewaren we niet: laat het weg of zet een spatie na “<”.',
	reportErrorControl:
		'Je beschrijving bevat onzichtbare stuur- of richtingstekens. Typ de tekst opnieuw in plaats van hem te plakken.',
	reportErrorNoLocation: 'Kies eerst waar het probleem is.',
	reportErrorOutsideBelgium: 'Deze plaats ligt buiten België.',
	reportErrorOutsideArea: 'Deze plaats ligt buiten het gebied van Buurtkaart.',
	reportErrorStretch: 'Een stuk straat moet 1 m tot 2 km lang zijn; kies minstens twee punten.',
	reportErrorRateLimited:
		'Er kwamen het voorbije uur al veel meldingen binnen (van dit toestel, dit netwerk of in deze gemeente). Je melding wacht en wordt later verstuurd.',
	reportErrorOther: 'Je melding kon niet bewaard worden ({detail}).',
	reportErrorCharacters:
		'Je beschrijving bevat tekens die we niet bewaren (stuur- of richtingstekens, of “<” gevolgd door een letter).',
	reportErrorGeometry: 'De gekozen plaats is niet geldig. Kies ze opnieuw op de kaart.',
	reportErrorKind: 'Kies een soort probleem uit de lijst.',
	reportErrorSignIn:
		'Je was aangemeld toen je dit meldde. Meld je opnieuw aan; daarna wordt de melding verstuurd.',
	reportErrorWaiting: 'De databank nam de melding nog niet aan; we proberen het later opnieuw.',
	reportPrivacy:
		'Je beschrijving lezen alleen jij en de planners en coördinatoren van de gemeente. Anderen zien alleen de soort, de plaats en een tekst die een planner goedkeurt. We wissen je beschrijving 12 maanden nadat de melding afgehandeld is, en de code van dit toestel na 90 dagen.',
	myReportsWaitingBecause: 'Wacht om verstuurd te worden: {reason}',
	myReportsRetry: 'Opnieuw proberen',
	myReportsEdit: 'Aanpassen',
	myReportsSave: 'Opslaan en versturen',
	myReportsWhere: 'Plaats van de melding',
	myReportsDelete: 'Verwijderen',
	myReportsErase: 'Definitief wissen',
	myReportsPublicText: 'Publieke tekst:',
	myReportsTitle: 'Mijn meldingen',
	myReportsEmpty: 'Je hebt nog niets gemeld.',
	myReportsAnonymous:
		'Zonder aanmelding zie je hier de meldingen die van dit toestel verstuurd zijn.',
	myReportsWaiting: 'Wacht om verstuurd te worden',
	myReportsRefused: 'Niet aanvaard: {reason}',
	reportWithdraw: 'Intrekken',
	reportStatus_new: 'Nieuw',
	reportStatus_acknowledged: 'In behandeling',
	reportStatus_resolved: 'Opgelost',
	reportStatus_rejected: 'Afgewezen',
	reportStatus_withdrawn: 'Ingetrokken',
	reportedOn: 'Gemeld op {date}',
	reportPickOnMap: 'Kies het punt op de kaart',
	reportPickingPoint: 'Tik of klik op de kaart waar het probleem is.',
	reportDrawOnMap: 'Teken het stuk op de kaart',
	reportDrawingStretch:
		'Tik of klik op de kaart langs het stuk straat; dubbelklik of kies “Klaar” om te stoppen.',
	reportDrawDone: 'Klaar',
	myReportsPlannerNote: 'Notitie van de gemeente:',
	outboxBackgroundSync:
		'Ook als je Buurtkaart sluit, verstuurt de browser je melding zodra er verbinding is.',
	outboxNoBackgroundSync:
		'Deze browser verstuurt niets terwijl Buurtkaart gesloten is: open Buurtkaart opnieuw met verbinding, dan gaat je melding meteen weg.',
	reportsOpen: 'Meldingen behandelen',
	reportsOpenRead: 'Meldingen bekijken',
	reportsTitle: 'Meldingen van hindernissen',
	reportsSignIn:
		'Meld je aan als planner of coördinator van een gemeente in dit gebied om haar meldingen te zien.',
	reportsNoArea:
		'Je bent geen planner of coördinator van een gemeente in dit gebied: je kunt haar meldingen niet zien of behandelen.',
	reportsDeviceNote: 'Op dit toestel ben jij de planner van elke gemeente.',
	reportsCoordinatorNote: 'Als coördinator lees je de meldingen; alleen planners behandelen ze.',
	reportsMunicipality: 'Gemeente',
	reportsFilterStatus: 'Status',
	reportsFilterKind: 'Soort probleem',
	reportsFilterAge: 'Gemeld',
	reportsAll: 'Alle',
	reportsAgeAny: 'Altijd',
	reportsAgeDays: 'De laatste {days} dagen',
	reportsCount: '{from}–{to} van {total} meldingen',
	reportsNone: 'Geen meldingen met deze filters.',
	reportsPrevious: 'Vorige',
	reportsNext: 'Volgende',
	reportsPages: 'Pagina’s van de lijst',
	reportsLoading: 'Meldingen worden geladen…',
	reportsLoadError: 'De meldingen konden niet geladen worden ({detail}).',
	reportsNote: 'Notitie voor de melder',
	reportsPublicText: 'Openbare tekst (iedereen leest die zodra de melding in behandeling is)',
	reportsAcknowledge: 'In behandeling nemen',
	reportsResolve: 'Opgelost',
	reportsReject: 'Afwijzen',
	reportsSaveNote: 'Notitie bewaren',
	reportsSaved: 'Bewaard. Status: {status}.',
	reportsShow: 'Toon op de kaart',
	reportsExportTitle: 'Downloaden',
	reportsExportNote:
		'De meldingen die aan de filters voldoen, met de tekst van de melders: deel ze niet buiten de gemeente.',
	reportsExportGeoJson: 'Meldingen als GeoJSON',
	reportsExportCsv: 'Meldingen als CSV (rekenblad)',
	triageErrorDenied: 'Alleen een planner van deze gemeente mag deze melding behandelen.',
	triageErrorTooLong: 'De tekst is te lang: maximaal {max} tekens.',
	triageErrorTransition:
		'Deze melding kan niet meer naar die status (ze werd intussen gewijzigd). Laad de lijst opnieuw.',
	triageErrorOther: 'Dat lukte niet ({detail}).',
	barrier_broken_sidewalk: 'Kapotte stoep',
	barrier_missing_kerb_ramp: 'Geen verlaagde stoeprand',
	barrier_high_kerb: 'Te hoge stoeprand',
	barrier_narrow_path: 'Te smal pad',
	barrier_blocked_path: 'Versperde doorgang',
	barrier_steep_slope: 'Te steile helling',
	barrier_missing_crossing: 'Geen oversteekplaats',
	barrier_no_bench: 'Geen bank om te rusten',
	barrier_no_toilet: 'Geen openbaar toilet',
	barrier_poor_lighting: 'Slechte verlichting',
	barrier_other: 'Iets anders',
	signInTitle: 'Aanmelden voor coördinatoren en planners',
	signInOpen: 'Aanmelden',
	signInDeviceNote:
		'Aanmelden kan alleen met de gedeelde databank (Supabase). Hier wordt alles op dit toestel bewaard en is geen account nodig.',
	signInEmail: 'E-mailadres',
	signInPassword: 'Wachtwoord',
	signInSubmit: 'Aanmelden',
	signInMagicLink: 'Stuur me een aanmeldlink',
	signInLinkSent: 'Als dit adres een account heeft, staat er nu een aanmeldlink in je mailbox.',
	signInAs: 'Aangemeld als {email}',
	signOut: 'Afmelden',
	signInErrorInvalid: 'Controleer je e-mailadres en wachtwoord (6 tot 72 tekens).',
	signInErrorDenied: 'Aanmelden lukte niet: e-mailadres of wachtwoord klopt niet.',
	signInErrorNetwork: 'De gedeelde databank is niet bereikbaar. Probeer het later opnieuw.',
	signInErrorOther: 'Aanmelden lukte niet ({detail}).',
	// Works offline and installs as an app (issue 13)
	appDescription:
		'De sociale kaart voor zorgzame buurten: hulp en voorzieningen dichtbij, te voet langs de straten, ook zonder verbinding.',
	updateReady: 'Er is een nieuwe versie van Buurtkaart.',
	updateReload: 'Herladen',
	updateLater: 'Later',
	offlineTitle: 'Zonder verbinding',
	offlineChecking: 'Nagaan wat op dit toestel bewaard is…',
	offlineStoring: 'Het gebied {area} wordt bewaard voor gebruik zonder verbinding… {percent} %',
	offlineStored:
		'Het gebied {area} is bewaard op dit toestel ({size}). Zonder verbinding werken de kaart (zoom {minzoom} tot {maxzoom}), het zoeken, de details, de lijst en de wandeltijden.',
	offlineShellStoring:
		'Het gebied {area} is bewaard op dit toestel ({size}), maar de app zelf wordt nog bewaard: herlaad de pagina nog niet zonder verbinding.',
	offlineShellUnsupported:
		'Het gebied {area} is bewaard op dit toestel ({size}), maar deze browser kan de app zelf niet bewaren voor gebruik zonder verbinding: zonder verbinding opent Buurtkaart hier niet.',
	offlineNotStored:
		'Het gebied {area} is niet bewaard op dit toestel: zonder verbinding werkt dit gebied niet.',
	offlineKeep: 'Bewaren voor gebruik zonder verbinding ({size})',
	offlineRemove: 'Verwijderen van dit toestel',
	offlineFailed: 'Bewaren voor gebruik zonder verbinding lukte niet ({detail}).',
	offlineNeedsConnection: 'Bewaren kan alleen met verbinding.',
	offlineUnsupported: 'Deze browser kan niets bewaren voor gebruik zonder verbinding.',
	offlineAreaNotStored:
		'Geen verbinding, en dit gebied is niet bewaard op dit toestel: het werd hier nog nooit geopend, of het werd verwijderd. Open het eens met verbinding om het ook zonder te gebruiken.',
	offlineSignIn: 'Aanmelden kan alleen met verbinding.',
	offlineReportSupabase:
		'Geen verbinding: je melding blijft op dit toestel en wordt naar de gedeelde databank verstuurd zodra er weer verbinding is.',
	plannerTitle: 'Voor planners: openbare ruimte',
	plannerRoute: 'Route met redenen',
	plannerWalkshed: 'Bereik te voet, met rollator en in een rolstoel',
	plannerFixes: 'Welke herstelling helpt het meest?',
	plannerRest: 'Rustpunten: stukken zonder bank',
	plannerCompleteness: 'Volledigheid van de gegevens per buurt',
	plannerBusy: 'Bezig met rekenen…',
	plannerFailed: 'De berekening is mislukt: {detail}',
	plannerPickA: 'Kies vertrekpunt A op de kaart',
	plannerPickB: 'Kies bestemming B op de kaart',
	plannerPickPoint: 'Kies een punt op de kaart',
	plannerPicking: 'Tik of klik op de kaart, of nog eens op de knop om te stoppen.',
	plannerWay: 'weg zonder naam ({id})',
	plannerWayNear: 'weg zonder naam bij {name} ({id})',
	reasonsOnlyUnknown: '{list} (nameten kan volstaan)',
	reasonsAlsoUnknown: '{known}; ook {unknown}',
	plannerExportGeojson: 'Exporteren als GeoJSON',
	plannerExportCsv: 'Exporteren als CSV',
	routeChoose:
		'Kies A en B met de knoppen hieronder, telkens met een klik op de kaart. Route voor: {profile}; de looproute staat erbij.',
	routeNone:
		'Geen route tussen A en B voor: {profile}. Te voet wel ({distance} m): ertussen ligt geen doorgang die dit profiel kan gebruiken.',
	routeNoneAtAll:
		'Geen route tussen A en B, ook niet te voet: A of B ligt te ver van een weg in de gegevens van dit gebied, of de twee zijn er niet met elkaar verbonden.',
	routeIsWalking:
		'Dit is de looproute zelf. Kies een ander profiel om te zien wat er voor dat profiel verandert.',
	routeProfile: '{profile}: {distance} m, {minutes} min',
	routeWalking: 'Te voet: {distance} m, {minutes} min',
	routeExtra: 'Tegenover de looproute: {metres} m omweg, {minutes} min langer',
	routeUnknown:
		'{share} % van de route ligt op stukken waarvan de gegevens niet zeggen of ze toegankelijk zijn',
	routeAvoided: 'Vermeden stukken van de looproute',
	routeLegendWalking: 'de looproute (te voet)',
	routeLegendAvoided: 'vermeden stukken van de looproute',
	routeAvoidedNone: 'Geen stuk van de looproute werd vermeden.',
	routeAvoidedItem: '{way}, {length} m: {reasons}',
	walkshedMinutes: 'Minuten',
	walkshedFromPlace: 'Of vanaf een voorziening',
	walkshedPlaceNone: '— kies een voorziening —',
	walkshedProfile: 'Profiel',
	walkshedReach: 'Straten (km)',
	walkshedResidents: 'Inwoners',
	walkshedResidents65: '65+',
	walkshedDeficit: 'Verschil met te voet',
	walkshedTooFar: 'te ver van een bruikbare weg',
	walkshedNote:
		'Inwoners van wie de eigen weg naar dit punt binnen {minutes}\u00a0min past. Het getal eronder is het verschil met te voet: deels het tragere tempo, deels de openbare ruimte (hieronder uiteengelegd).',
	walkshedSplit:
		'{profile}: {pace} inwoners door het tragere tempo alleen, {streets} door wat de openbare ruimte tegenhoudt of vertraagt.',
	walkshedSplitStreets:
		'{profile}: {streets} inwoners, alles door wat de openbare ruimte tegenhoudt of vertraagt (het tempo verandert er niets aan).',
	walkshedTime: 'Berekend in {ms} ms',
	walkshedServicesPreparing: 'De lijst van voorzieningen wordt voorbereid…',
	walkshedNoKerbs: 'geen stoepranden in de gegevens',
	walkshedLimitsTitle: 'Wat elk profiel beperkt',
	walkshedLimitsLine: '{profile}: {limits}.',
	walkshedLimitsSeparator: '; ',
	walkshedLimitPace: '{speed}\u00a0km/u',
	walkshedLimitSlower: 'trager (×{factor}): {what}',
	walkshedLimitBench: 'meer dan {m}\u00a0m zonder bank',
	walkshedLimitIncline: 'helling boven {pct}\u00a0%',
	walkshedLimitSmoothness: 'matig effen verharding',
	walkshedLimitUnknown: 'onbekende gegevens tellen als in orde ({km}\u00a0km van dit bereik)',
	fixesCategory: 'Voorziening',
	fixesNorm: 'Norm (m langs de straten)',
	fixesCautious:
		'Stukken met onbekende gegevens tellen als niet bruikbaar (opmeten is dan ook een herstelling)',
	fixesNote:
		'Per stuk: de inwoners die binnen de norm komen als alleen dat stuk begaanbaar wordt. Profiel: {profile}.',
	fixesNone: 'Geen enkel stuk brengt iemand binnen de norm.',
	fixesNoCandidates:
		'Profiel: {profile}. Elk stuk van het netwerk is bruikbaar, er valt niets te herstellen. Kies een ander profiel (met rollator, in een rolstoel) om te zien welke stukken daar ontbreken.',
	fixesGain: '+{residents} inwoners, van wie {residents65} van 65+',
	fixesLegendBuild: 'stuk om te bouwen of aan te passen',
	fixesLegendSurvey: 'stuk om eerst na te meten (gegevens onbekend)',
	fixesBuild: 'Bouwen of aanpassen',
	fixesBuildNote:
		'Een fysieke drempel houdt deze stukken tegen: trappen, een te hoge stoeprand, een te steile helling, een ruwe verharding, een te smalle doorgang. Hier moet iets gebouwd of aangepast worden. Een stuk met zo’n drempel én onbekende gegevens staat ook hier: nameten alleen maakt het niet bruikbaar.',
	fixesSurvey: 'Eerst nameten (gegevens onbekend)',
	fixesSurveyNote:
		'Alleen wat de gegevens niet weten houdt deze stukken tegen (de hoogte van een stoeprand, de verharding, de breedte). Eerst nameten of in kaart brengen kan volstaan: misschien hoeft er niets gebouwd te worden.',
	fixesGroupCount: {
		one: '{count} stuk brengt inwoners binnen de norm.',
		other: '{count} stukken brengen inwoners binnen de norm.',
	},
	fixesGroupTop: 'De {shown} beste van {count} stukken die inwoners binnen de norm brengen.',
	fixesBuildNone: 'Geen enkel stuk met een fysieke drempel brengt iemand binnen de norm.',
	fixesSurveyNone: 'Geen enkel stuk met alleen onbekende gegevens brengt iemand binnen de norm.',
	fixesSurveyOptimistic:
		'Stukken met onbekende gegevens tellen nu als bruikbaar: er is niets eerst na te meten. Vink hierboven het vakje aan om ze als niet bruikbaar te tellen.',
	fixesUnnumbered: {
		one: 'Nog {count} nummer staat niet op de kaart: het ligt dicht bij een beter stuk. Zoom in, of kies het in de lijst.',
		other:
			'Nog {count} nummers staan niet op de kaart: ze liggen dicht bij een beter stuk. Zoom in, of kies er een in de lijst.',
	},
	fixesSearched:
		'{candidates} onbruikbare stukken, {evaluated} konden iets veranderen en werden doorgerekend, {withGain} met winst.',
	restGap: 'Grootste afstand tussen banken (m)',
	restNote:
		'Stukken verder dan de helft daarvan (langs de straten) van een bank. Een bushalte telt alleen als de gegevens zeggen dat ze een bank heeft. Een bank die niet in de gegevens staat, telt niet: {benches} banken in de gegevens.',
	restWhere: 'Waar meten?',
	restOnRoutes: 'Op de looproutes naar belangrijke plaatsen',
	restWhole: 'Op het hele wandelnetwerk (ook velden, bossen en de rand rond het gebied)',
	restRoutesNote:
		'Looproute: de kortste weg van elk adres naar de dichtstbijzijnde plaats van elke soort: {places}. Bovenaan de stukken waar de meeste 65-plussers lopen. Wie er voor twee soorten plaatsen langs loopt, telt één keer: het aantal is een ondergrens.',
	restSummary: '{gapKm} van {networkKm} km netwerk zonder bank binnen {half} m.',
	restSummaryRoutes: '{gapKm} van {networkKm} km looproute zonder bank binnen {half} m.',
	restItem: '{way}: {length} m verder dan {half} m van een bank',
	restItemWalkers: {
		one: 'minstens {count} 65-plusser loopt hier',
		other: 'minstens {count} 65-plussers lopen hier',
	},
	restMore: 'De {shown} langste van {count} stukken.',
	restMoreRoutes: 'De {shown} stukken waar de meeste 65-plussers lopen, van {count}.',
	complNote:
		'Aandeel van de lengte van het netwerk waarvan de kenmerken bekend zijn die elk profiel nodig heeft. De gegevens zeggen voor de rest niets: dat is niet ontoegankelijk, en ook niet toegankelijk. Een stuk telt bij de buurt van de adressen die het gebruiken.',
	complNeighbourhood: 'Buurt',
	complNetwork: 'Netwerk (km)',
	complAway: 'Weg van adressen (velden, bossen)',
	complNoNetwork: 'geen netwerk',
	plannerLayers: 'Op de kaart',
	plannerLayersNote:
		'Hindernissen, stoepranden, oversteekplaatsen en liften staan op de kaart vanaf zoomniveau 13 (ingezoomd op een dorp). Klik erop om te zien wat het is en wat de gegevens erover zeggen.',
	complLegend:
		'Profiel: {profile}. Op de kaart: het aandeel van de lengte van het netwerk waarvan de nodige kenmerken bekend zijn. Donkerder is meer bekend; het zegt niet of de buurt toegankelijk is.',
	complClass: '{from}–{to} %',
	complLegendNone: 'geen kleur: geen netwerk bij de adressen',
	complNoTagsProfiles:
		'Geen extra kenmerken nodig, dus altijd 100 % en niet in de tabel: {profiles}.',
	complAssumedProfiles:
		'Geen ontbrekend kenmerk maakt een stuk onbekend, dus niet in de tabel: {profiles}.',
	complAssumedSurface:
		'Een stuk zonder verharding in de gegevens telt dan als verhard: hoeveel er bekend is, staat in de kolom ‘Verharding bekend’.',
	complAssumedBench: 'Een bank die niet in de gegevens staat, telt niet.',
	complSurface: 'Verharding bekend',
	complLegendNoTags:
		'Profiel: {profile}. Dit profiel heeft geen extra kenmerken nodig: elk begaanbaar stuk is bruikbaar, welke kenmerken er ook ontbreken. Een aandeel zou altijd 100 % zijn en zegt hier niets; de kaart kleurt daarom niet. Kies een ander profiel om te zien hoeveel er bekend is.',
	curTitle: 'Lokale initiatieven',
	curIntro:
		'Wat OpenStreetMap niet kent: burenhulp, dorpsdiensten, vrijwillige bezoekers, steun voor mantelzorgers. Bewaard staan ze meteen in het zoeken, op de kaart en in de analyse.',
	curNone: 'Nog geen lokale initiatieven.',
	curAdd: 'Initiatief toevoegen',
	curEditTitle: '{name} wijzigen',
	curName: 'Naam',
	curCategory: 'Soort',
	curTargetGroups: 'Voor wie',
	curCareFunctions: 'Functies van buurtzorg',
	curDescription: 'Beschrijving',
	curAddress: 'Adres',
	curPhone: 'Telefoon',
	curEmail: 'E-mail',
	curWebsite: 'Website',
	curHours: 'Openingsuren (zoals in OpenStreetMap, bv. Mo-Fr 09:00-12:00)',
	curVisibility: 'Wie ziet het',
	curVisibilityTeam: 'Het team van de gemeente (nog niet gepubliceerd)',
	curVisibilityPublic: 'Gepubliceerd: ook bewoners zien het',
	curSource: 'Bron (wie het meldde, welk document)',
	curMunicipality: 'Gemeente',
	curLocation: 'Plaats',
	curPick: 'Kies op de kaart',
	curPicking:
		'Tik of klik op de kaart waar het initiatief is, of nog eens op de knop om te stoppen.',
	curAtAddress: 'Op {address}',
	curNoLocation: 'Nog geen plaats gekozen.',
	curLocationChosen: 'Plaats gekozen: {place}',
	curMapPoint: 'punt op de kaart',
	curSave: 'Bewaren',
	curCancel: 'Annuleren',
	curEdit: 'Wijzigen',
	curDelete: 'Verwijderen',
	curSaved: '“{name}” is bewaard.',
	curWhereDevice: 'Bewaard op dit toestel.',
	curWhereSupabase: 'Bewaard voor het team van {area}.',
	curReadOnly: 'Alleen buurtzorgregisseurs van de gemeente voegen initiatieven toe.',
	curOffline:
		'Geen verbinding: initiatieven toevoegen en wijzigen kan pas als er weer verbinding is. Wat al bewaard is, blijft veilig in de gedeelde databank.',
	curErrorTooLong: '{field} is te lang: {count} tekens, maximaal {max}.',
	curErrorTooLongMax: '{field} is te lang: maximaal {max} tekens.',
	curErrorMarkup:
		'{field} bevat “<” gevolgd door een letter, zoals in HTML-code. Dat bewaren we niet: laat het weg of zet een spatie na “<”.',
	curErrorControl:
		'{field} bevat onzichtbare stuur- of richtingstekens. Typ de tekst opnieuw in plaats van hem te plakken.',
	curErrorCharacters:
		'{field} bevat tekens die we niet bewaren (stuur- of richtingstekens, of “<” gevolgd door een letter).',
	curErrorUnknownValue: '{field}: deze keuze kennen we niet. Kies er een uit de lijst.',
	curErrorInvalidField: '{field} kunnen we zo niet bewaren. Kijk het na en probeer opnieuw.',
	curErrorPhone:
		'{field}: alleen cijfers, spaties en + . / ( ) -, 6 tot 30 tekens, bijvoorbeeld +32 14 50 00 00.',
	curErrorEmail: '{field}: een adres zoals naam@voorbeeld.be.',
	curErrorWebsite: '{field}: een adres dat begint met https:// of http://, zonder spaties.',
	curErrorAddressRules:
		'{field}: hoogstens {max} tekens, zonder onzichtbare stuur- of richtingstekens en zonder “<” gevolgd door een letter.',
	curErrorHoursRules:
		'{field}: hoogstens {max} tekens, zonder “<” of “>” en zonder onzichtbare stuurtekens.',
	curErrorOutsideBelgium: 'De plaats ligt buiten België. Kies een plaats in de gemeente.',
	curErrorDenied:
		'Je mag dit initiatief hier niet bewaren of wijzigen. Meld je opnieuw aan als buurtzorgregisseur van deze gemeente.',
	curErrorNotFound:
		'Dit initiatief bestaat niet meer of je mag het niet meer wijzigen: misschien is het intussen elders verwijderd. Er is niets veranderd.',
	curErrorRateLimited:
		'Er werden net veel initiatieven bewaard. Probeer het over een tijdje opnieuw.',
	curErrorNetwork:
		'De databank is nu niet bereikbaar. Er is niets veranderd; probeer het straks opnieuw.',
	curErrorRequired: 'Vul in: {field}.',
	curErrorNoLocation: 'Kies eerst een plaats op de kaart of een adres.',
	curErrorOutsideArea:
		'De plaats ligt buiten {area}. Kies een plaats in de gemeente of een andere gemeente.',
	curErrorHours: 'De openingsuren zijn niet te lezen: {detail}',
	curErrorOther: 'Niet bewaard: {detail}',
	storedTitle: 'Opgeslagen resultaat, berekend op {date}',
	storedLeftOut:
		'Niet in deze tabel: {names} — de buurten van {municipality}. De analyse is bewaard voor {area}; alleen de buurten van die gemeente zijn opgeslagen.',
	storedLeftOutNoArea:
		'Niet in deze tabel: {names} — de buurten van {municipality}. Alleen de buurten van de gemeente waarvoor de analyse bewaard is, zijn opgeslagen.',
	storedLeftOutUnknown: 'Niet in deze tabel, want onbekend in de gegevens van {area}: {names}.',
	scrollHint: 'Schuif opzij voor de andere kolommen →',
	toolbarLabel: 'Werkbalk',
	toolbarScrollHint: 'Schuif opzij voor meer knoppen →',
	curFunctionsTitle: 'Functies van buurtzorg per buurt',
	curFunctionsIntro:
		'Welke van de acht functies van buurtzorgregie elke buurt heeft: uit de soorten plaatsen in OpenStreetMap (volgens de taxonomie) en de lokale initiatieven.',
	careCountPolygon: 'Een plaats of initiatief telt bij de buurt waarin het ligt (de buurtgrenzen).',
	careCountOutside:
		'Buiten elke buurt maar binnen {metres} m van een adres: {count}, geteld bij de buurt van het dichtste adres.',
	careCountBeyond:
		'Buiten elke buurt en verder dan {metres} m van elk adres: {count}, nergens meegeteld.',
	careCountNearest:
		'Een plaats of initiatief telt bij de buurt van het dichtste adres: de gegevens van dit gebied hebben geen buurtgrenzen.',
	careCountUnreadable:
		'Een plaats of initiatief telt bij de buurt van het dichtste adres: de buurtgrenzen konden niet gelezen worden ({detail}).',
	curFunctionsNeighbourhood: 'Buurt',
	curFunctionsPresent: 'Aanwezig',
	curFunctionsMissing: 'Ontbreekt',
	curFunctionsNone: 'geen',
	curFunctionsOnlyInitiatives: '{functions} (alleen via initiatieven)',
	tg_everyone: 'Iedereen',
	tg_older_people: 'Ouderen',
	tg_people_with_disability: 'Mensen met een beperking',
	tg_informal_carers: 'Mantelzorgers',
	tg_families_with_children: 'Gezinnen met kinderen',
	tg_young_people: 'Jongeren',
	tg_people_in_poverty: 'Mensen in armoede',
	tg_newcomers: 'Nieuwkomers',
	reportCurated: 'Lokale initiatieven',
	reportCareFunctions: 'Functies van buurtzorg',
	netExportTitle: 'Toegankelijkheidslagen downloaden',
	netExportNote:
		'Elk stuk van het netwerk met zijn toestand (begaanbaar, beperkt, niet begaanbaar, onbekend), de redenen en wat onbekend is, voor te voet, rollator en rolstoel, en voor uw eigen profiel als dat aan staat.',
	netExportGeoJson: 'Netwerk als GeoJSON',
	netExportCsv: 'Netwerk als CSV (rekenblad)',
	netExportDone: '{edges} stukken gedownload. Profielen: {profiles}.',
} as const;

export type MessageKey = keyof typeof nl;

/**
 * A text that depends on a number, `{count}`: one form per plural category of the language
 * (Intl.PluralRules: Dutch and English have `one` and `other`, French also `many`), `other` always.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every language has the same keys; a key with plural forms in Dutch has them in every language. */
export type Messages = {
	[K in MessageKey]: (typeof nl)[K] extends string ? string : PluralMessage;
};

/** The keys whose text is a plain string (no plural forms), e.g. for a language's own name. */
export type PlainMessageKey = {
	[K in MessageKey]: (typeof nl)[K] extends string ? K : never;
}[MessageKey];

/** The Dutch texts: the app's first language, always loaded. */
export const NL_MESSAGES: Messages = nl;

/** Each language's own name, for the language picker (before the language itself is loaded). */
export const LANGUAGE_NAMES: Record<Lang, string> = {
	nl: 'Nederlands',
	fr: 'Français',
	en: 'English',
};

/** The languages loaded so far: Dutch from the start, the others once chosen. */
const loaded: Partial<Record<Lang, Messages>> = { nl };

/** French and English are chunks of their own (issue #12: about 19 KB gzip less on a first visit). */
const LOADERS: Record<Exclude<Lang, 'nl'>, () => Promise<{ default: Messages }>> = {
	fr: () => import('./fr.ts'),
	en: () => import('./en.ts'),
};

/** Loads a language's texts (once); `translate` needs them before it can speak that language. */
export async function loadLang(lang: Lang): Promise<Messages> {
	const known = loaded[lang];
	if (known) return known;
	const messages = (await LOADERS[lang as Exclude<Lang, 'nl'>]()).default;
	loaded[lang] = messages;
	return messages;
}

/** Whether a language's texts are loaded. */
export function isLangLoaded(lang: Lang): boolean {
	return loaded[lang] !== undefined;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** The language's plural rules (cached: constructing them costs more than selecting). */
function pluralsOf(lang: Lang): Intl.PluralRules {
	let rules = pluralRules.get(lang);
	if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
	return rules;
}

/** The language's number format: 1.200 and 0,5 in Dutch, 1 200 and 0,5 in French, 1,200 in English. */
function numbersOf(lang: Lang): Intl.NumberFormat {
	let format = numberFormats.get(lang);
	if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
	return format;
}

/**
 * A share 0..1 as a whole percentage, a no-break space before the sign (French typography asks
 * for one, and no language should break "61 %" over two lines).
 * @example percent(0.614) // → '61\u00a0%'
 */
export function percent(share: number): string {
	return `${Math.round(share * 100)}\u00a0%`;
}

/**
 * A number as the language writes it (Intl.NumberFormat), with `fractionDigits` decimals when given.
 * @example formatNumber('nl', 1234) // → '1.234'
 * @example formatNumber('en', 2.25, 1) // → '2.3'
 */
export function formatNumber(lang: Lang, value: number, fractionDigits?: number): string {
	if (fractionDigits === undefined) return numbersOf(lang).format(value);
	const key = `${lang}:${fractionDigits}`;
	let format = fixedFormats.get(key);
	if (!format)
		fixedFormats.set(
			key,
			(format = new Intl.NumberFormat(lang, {
				minimumFractionDigits: fractionDigits,
				maximumFractionDigits: fractionDigits,
			})),
		);
	return format.format(value);
}
const fixedFormats = new Map<string, Intl.NumberFormat>();

/** The form of a plural text for `count`, through the language's Intl.PluralRules. */
function pluralForm(lang: Lang, message: PluralMessage, count: number): string {
	return message[pluralsOf(lang).select(count)] ?? message.other;
}

/**
 * Looks up a text and fills its `{name}` slots. Values are inserted as plain text: callers render the
 * result as text, never as HTML. A number is written as the language writes numbers
 * (Intl.NumberFormat: "1.200" in Dutch); pass a string for what is not a quantity (an id, a year).
 * A text with plural forms takes the form for `values.count` (Intl.PluralRules).
 * @example translate('en', 'mapLabel', { area: 'Herentals' }) // → 'Map of Herentals'
 * @example translate('nl', 'listCount', { count: 1 }) // → '1 plaats'
 */
export function translate(
	lang: Lang,
	key: MessageKey,
	values: Record<string, string | number> = {},
): string {
	// a language not loaded yet speaks Dutch (I18n switches only once it is loaded)
	const message: string | PluralMessage = (loaded[lang] ?? nl)[key];
	const text =
		typeof message === 'string'
			? message
			: pluralForm(lang, message, typeof values.count === 'number' ? values.count : NaN);
	return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
		if (!(name in values)) return slot;
		const value = values[name];
		return typeof value === 'number' ? numbersOf(lang).format(value) : String(value);
	});
}

/**
 * A name someone gave (a saved analysis's) as an isolated run inside a sentence or an aria-label,
 * where HTML's `<bdi>` cannot be used: first strong isolate … pop directional isolate, so that a
 * right-to-left name, or one ending in digits, does not reorder the text around it. Not for an
 * `<option>` that holds only the name: `dir="auto"` sets its direction, and a leading mark would
 * stop the select's type-ahead (its first letter no longer picks it).
 * @example translate(nl, 'savedSaved', { name: isolate('تحليل ٢') }) // 'Bewaard: \u2068تحليل ٢\u2069'
 */
export function isolate(name: string): string {
	return `\u2068${name}\u2069`;
}

/**
 * An area's name in `lang`: the one its config gives for `lang` (`names`: "Bruxelles" where the
 * name is "Brussel"). Else, an area named after its municipalities, in Dutch ("Geel en
 * Kasterlee"), is written with `lang`'s own "and" ("Geel et Kasterlee"); any other name is the
 * area's own, the same in every language.
 * @example areaName({ name: 'Geel en Kasterlee', municipalities: [{ name: 'Geel' }, { name: 'Kasterlee' }] }, 'fr') // 'Geel et Kasterlee'
 */
export function areaName(
	area: {
		name: string;
		names?: Partial<Record<Lang, string>>;
		municipalities?: readonly { name: string }[];
	},
	lang: Lang,
): string {
	const own = area.names?.[lang];
	if (own) return own;
	const names = (area.municipalities ?? []).map((m) => m.name);
	if (names.length < 2 || lang === 'nl') return area.name;
	const and = (l: Lang) => new Intl.ListFormat(l, { type: 'conjunction' }).format(names);
	return area.name === and('nl') ? and(lang) : area.name;
}

/** Whether `value` is one of the supported languages. */
export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: `?lang=` in the URL, else the last choice on this device, else Dutch. */
export function initialLang(search: string, stored: string | null): Lang {
	const fromUrl = new URLSearchParams(search).get('lang');
	if (isLang(fromUrl)) return fromUrl;
	if (isLang(stored)) return stored;
	return 'nl';
}
