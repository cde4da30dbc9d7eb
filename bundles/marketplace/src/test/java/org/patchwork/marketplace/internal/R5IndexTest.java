package org.patchwork.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.patchwork.sdk.cli.UsageException;

class R5IndexTest {

  static final String INDEX = """
      <?xml version='1.0' encoding='UTF-8'?>
      <repository xmlns="http://www.osgi.org/xmlns/repository/v1.0.0" name="test" increment="3">
        <resource>
          <capability namespace="osgi.identity">
            <attribute name="osgi.identity" value="org.example.fx"/>
            <attribute name="type" value="osgi.bundle"/>
            <attribute name="version" value="1.2.0" type="Version"/>
          </capability>
          <capability namespace="osgi.content">
            <attribute name="size" value="1676" type="Long"/>
            <attribute name="url" value="bundles/org.example.fx-1.2.0.jar"/>
            <attribute name="osgi.content" value="4759DFD6C855401B86F39404876911445D18815F03DF37A4A2031984DB43DC9B"/>
          </capability>
          <capability namespace="test.lists">
            <attribute name="names" value="a\\,b, c" type="List&lt;String&gt;"/>
            <attribute name="versions" value="1.0, 2.1.3" type="List&lt;Version&gt;"/>
          </capability>
          <requirement namespace="osgi.wiring.package">
            <directive name="filter" value="(&amp;(osgi.wiring.package=org.example.lib)(version&gt;=1.0.0)(!(version&gt;=2.0.0)))"/>
          </requirement>
        </resource>
      </repository>
      """;

  @Test
  void readsTypedAttributesDirectivesAndContent() {
    List<IndexResource> resources = R5Index.parse(INDEX.getBytes(StandardCharsets.UTF_8), "test");
    assertEquals(1, resources.size());
    IndexResource r = resources.get(0);
    assertEquals("org.example.fx", r.symbolicName());
    assertEquals(new Version(1, 2, 0), r.version());
    assertEquals(1676L, r.getCapabilities("osgi.content").get(0).getAttributes().get("size"));
    assertEquals(List.of("a,b", "c"), r.getCapabilities("test.lists").get(0).getAttributes().get("names"));
    assertEquals(List.of(new Version(1, 0, 0), new Version(2, 1, 3)),
        r.getCapabilities("test.lists").get(0).getAttributes().get("versions"));
    assertArrayEquals(new String[] {"bundles/org.example.fx-1.2.0.jar",
        "4759dfd6c855401b86f39404876911445d18815f03df37a4a2031984db43dc9b"}, R5Index.content(r));
    var req = r.getRequirements("osgi.wiring.package").get(0);
    assertEquals("package org.example.lib version 1.0.0 up to 2.0.0", Explain.what(req));
  }

  @Test
  void refusesDoctypesAndOtherDocuments() {
    String evil = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "<repository xmlns='http://www.osgi.org/xmlns/repository/v1.0.0'><resource>&x;</resource></repository>";
    assertThrows(UsageException.class, () -> R5Index.parse(evil.getBytes(StandardCharsets.UTF_8), "t"));
    var e = assertThrows(UsageException.class, () -> R5Index.parse("<html/>".getBytes(StandardCharsets.UTF_8), "t"));
    assertTrue(e.getMessage().contains("not an OSGi Repository index"), e.getMessage());
    assertThrows(UsageException.class, () -> R5Index.parse(INDEX.replace("type=\"Long\"", "type=\"Complex\"")
        .getBytes(StandardCharsets.UTF_8), "t"));
  }
}
