package dev.convoy.server;

import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.campaign.CampaignEngine;
import dev.convoy.server.campaign.DeploymentStore;
import dev.convoy.server.grpc.TechnicianAdminCalls;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.RocksTechnicianJobStore;
import dev.convoy.server.technician.JobSites;
import dev.convoy.server.technician.LiveOutput;
import dev.convoy.server.technician.RunbookSource;
import dev.convoy.server.technician.TechnicianConfig;
import dev.convoy.server.technician.TechnicianJobs;
import dev.convoy.server.technician.TechnicianService;
import dev.convoy.server.technician.TechnicianWork;
import java.time.Clock;
import java.util.concurrent.Executors;

/** The technician workflow's part of the object graph (issue 5), kept apart so that wiring stays one call. */
record TechnicianWiring(TechnicianService service, TechnicianAdminCalls calls) {
  static TechnicianWiring wire(RocksStorage storage, Clock clock, DeploymentStore deployments,
      CampaignEngine campaigns, AuditLog audit, JobSites sites, RunbookSource runbooks) {
    var store = new RocksTechnicianJobStore(storage);
    LiveOutput output = new LiveOutput();
    TechnicianJobs jobs = new TechnicianJobs(deployments, campaigns.campaigns(), store, sites, clock);
    TechnicianService service = new TechnicianService(jobs, store, campaigns.deployments(), audit, output,
        TechnicianConfig.DEFAULTS, clock);
    TechnicianWork work = new TechnicianWork(service, jobs, campaigns.deployments(), campaigns.commands(), runbooks,
        sites, storage, clock);
    // One daemon thread ends finished log follows after their grace; it holds nothing that needs closing.
    var timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "convoy-technician-log");
      thread.setDaemon(true);
      return thread;
    });
    return new TechnicianWiring(service, new TechnicianAdminCalls(jobs, service, work, output, campaigns.campaigns(),
        timer));
  }
}
