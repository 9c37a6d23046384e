package dev.convoy.agent.testing;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An installer backend for agent tests (a port we own, not a mock): "installs" by copying the payload to
 * {@code managedRoot/<package>/<version>/payload}, and each step's result can be set to fail. Records every call.
 */
public final class FakeInstaller implements Installer {
  public static final String TYPE = "fake";

  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile Detection detection = Detection.notInstalled();
  public volatile StepResult stage = StepResult.success("staged");
  public volatile StepResult install = StepResult.success("installed");
  public volatile StepResult verify = StepResult.success("verified");
  public volatile StepResult commit = StepResult.success("committed");
  public volatile StepResult rollback = StepResult.success("rolled back");
  public volatile StepResult uninstall = StepResult.success("uninstalled");

  /** Where an install of {@code name@version} puts the payload copy. */
  public static Path installed(Path managedRoot, String name, String version) {
    return managedRoot.resolve(name).resolve(version).resolve("payload");
  }

  @Override
  public boolean runsReleaseCode() {
    return false; // stands in for the archive backend
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Detection detect(InstallContext context) {
    calls.add("detect");
    return detection;
  }

  @Override
  public StepResult stage(InstallContext context) {
    calls.add("stage");
    context.log().line("staging " + context.packageName() + " " + context.version());
    return stage;
  }

  @Override
  public StepResult install(InstallContext context) {
    calls.add("install");
    if (install.ok()) {
      Path target = installed(context.managedRoot(), context.packageName(), context.version());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(context.payload(), target);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return install;
  }

  @Override
  public StepResult verify(InstallContext context) {
    calls.add("verify");
    return verify;
  }

  @Override
  public StepResult commit(InstallContext context) {
    calls.add("commit");
    return commit;
  }

  @Override
  public StepResult rollback(InstallContext context) {
    calls.add("rollback");
    return rollback;
  }

  @Override
  public void cleanup(InstallContext context) {
    calls.add("cleanup");
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    calls.add("uninstall");
    return uninstall;
  }
}
