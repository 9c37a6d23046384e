package dev.convoy.installers.detection;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.deb.DebianNames;
import dev.convoy.installers.deb.Dpkg;
import dev.convoy.installers.deb.DpkgOptions;
import dev.convoy.installers.script.ProcessRunner;

/**
 * {@code dpkg:<package>}: the release is installed when dpkg's database (the one the {@code dpkg_root} / {@code
 * dpkg_admindir} parameters select) has {@code package} installed at the release's Debian version (parameter
 * {@code deb_version}, default the release version); installed at another version is another release.
 *
 * @param packageName a Debian package name
 */
public record DpkgRule(String packageName) implements DetectionRule {
  public DpkgRule {
    DebianNames.requirePackage("detect dpkg package", packageName);
  }

  @Override
  public Detection detect(InstallContext context, ProcessRunner runner) {
    String debVersion = DebianNames.requireVersion("parameter deb_version",
        context.parameters().getOrDefault("deb_version", context.version()));
    DpkgOptions options = DpkgOptions.from(context.parameters());
    return new Dpkg(runner, options, context.workDir(), context.log()).query(packageName).detection(debVersion);
  }
}
