package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feed items read as an editor reads them: the article, without the furniture that publishing systems and feed
 * services put inside items (share bars, related posts, "Continue reading" links, credits, syndication footers) and
 * without the paragraph that recurs in most of a feed's items. Real feeds from feed parsers' suites where they show
 * it (see feeds/items/README.md), and a WordPress feed made of Jetpack's and Yoast's own markup.
 */
class FeedItemFurnitureTest {
    private static final Path ITEMS = Path.of("src/test/resources/feeds/items");
    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private List<Article> read(String file) throws Exception {
        return reader.read(Files.readAllBytes(ITEMS.resolve(file)), file, file, file, null);
    }

    @Test
    void aWordPressItemIsReadWithoutItsShareBarsRelatedPostsTeaserLinksAndFooter() throws Exception {
        List<Article> items = read("wordpress-jetpack.rss");
        assertThat(items).hasSize(4);
        String storm = items.get(0).text();
        assertThat(storm).isEqualTo(String.join("\n\n",
                "Storm cuts power to 40,000 homes in Normandy",
                "Storm Ciara swept across Normandy overnight, leaving 40,000 homes without power, the prefecture said on Tuesday.",
                "Rescue teams sent north",
                "Firefighters carried out more than 300 rescues, most of them in Le Havre, where the sea wall was breached at high tide.",
                "“We have never seen the water come this far into town,” a resident told reporters.",
                "The breached sea wall at Le Havre on Tuesday morning.",
                "The prefecture listed the roads that stay closed:",
                "the coast road between Étretat and Fécamp;",
                "the A29 bridge approach, until engineers have inspected it.",
                "Rail services are expected to resume on Wednesday."));
        for (Article a : items) {
            assertThat(a.text()).doesNotContain("appeared first on", "Share this", "Like this", "Loading", "Related",
                    "Twitter", "Facebook", "Continue reading", "Advertisement", "Photo:", "[…]", "Subscribe now", "Email this post");
        }
    }

    @Test
    void aParagraphInMostItemsIsTheFeedsFurnitureButNeverEmptiesAnItem() throws Exception {
        List<Article> items = read("wordpress-jetpack.rss");
        String signOff = "Coast Desk is an independent newsroom funded by its readers since 2009.";
        assertThat(items.subList(0, 3)).allSatisfy(a -> assertThat(a.text()).doesNotContain(signOff));
        // the item whose body is only that paragraph keeps it: the feed-level guess does not empty it silently
        assertThat(items.get(3).text()).isEqualTo("Support Coast Desk\n\n" + signOff);
        assertThat(items.get(1).text()).endsWith("“Our boats stay in port until the ministry listens,” said the head of the local fishing committee."
                + "\n\nFerries to Portsmouth were delayed by up to three hours.");
        assertThat(items.get(2).text()).endsWith("The city expects about 1,500 passengers a night in its first year.");
    }

    @Test
    void jsonFeedItemsAreCleanedTheSameWayDatesAndTitlesAside() throws Exception {
        List<Article> items = read("wordpress-jetpack.json");
        assertThat(items).extracting(Article::text).containsExactly(
                "Storm cuts power to 40,000 homes in Normandy\n\n"
                        + "Storm Ciara swept across Normandy overnight, leaving 40,000 homes without power, the prefecture said on Tuesday.\n\n"
                        + "“We have never seen the water come this far into town,” a resident told reporters.",
                "Fishermen block Cherbourg harbour over quotas\n\n"
                        + "About sixty trawlers blocked the entrance to Cherbourg harbour on Monday, protesting against the cod quotas set in Brussels last week.",
                "Caen opens its first night bus line\n\n"
                        + "Caen’s first night bus line will run on Fridays and Saturdays from April, linking the university to the station until 4 a.m.",
                "Ferry crews strike on the Channel\n\n"
                        + "Ferry crews on the Channel walked out on Friday over pay, cancelling most crossings to Dover.");
    }

    @Test
    void aRealCraigslistFeedLosesItsTeaserEndsAndKeepsItsWords() throws Exception {
        List<Article> items = read("rss-parser-craigslist.rss");
        assertThat(items).hasSize(25);
        assertThat(items).noneSatisfy(a -> assertThat(a.text()).contains("[...]"));
        assertThat(items.get(0).text()).endsWith("large sunny deck directly next to the kitchen for grilling and entertaining. Radiant floor heating throughou");
    }

    @Test
    void aRealRedditFeedLosesItsSubmittedByAndCommentLinks() throws Exception {
        List<Article> items = read("rss-parser-reddit.rss");
        assertThat(items).hasSizeGreaterThan(20);
        assertThat(items).noneSatisfy(a -> assertThat(a.text()).containsPattern("submitted by|\\[link]|\\[\\d+ comments]"));
        Article ama = items.stream().filter(a -> a.title().startsWith("We are Aziz Ansari")).findFirst().orElseThrow();
        assertThat(ama.text()).contains("It's Aziz Ansari.", "We are so humbled by how much you guys have supported the show's first season.");
    }

    @Test
    void aRealFeedBurnerItemLosesItsReadTheRestLineAndCopyrightFooter() throws Exception {
        Article gin = read("node-feedparser-atom-link-canonical.xml").get(0);
        assertThat(gin.text()).doesNotContain("Read the rest", "© smitten kitchen", "comments to date")
                .contains("With all that out of the way, may I offer you a drink?")
                .endsWith("I, of course, ignored her, and ordered my usual a gin-and-tonic.");
    }
}
